package dev.mainstay.persistence;

import dev.mainstay.test.database.DatabaseServer;
import dev.mainstay.test.database.TestDatabase;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * {@link ConcurrentStartIT}'s three simultaneous starts, 200 times on a fresh H2 database each. Before
 * migrations on H2 were serialised in the JVM, a start now and then failed with a duplicate key in a
 * module's history table (Flyway's H2 lock cannot cover an empty history). A measurement, so it runs
 * only when asked: {@code ./mvnw -B -pl persistence -am verify -Dtest=none -Dit.test=ConcurrentStartRepeatIT
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false -Dinvoker.skip
 * -Dmainstay.repeat=true}.
 */
@EnabledIfSystemProperty(named = "mainstay.repeat", matches = "true")
class ConcurrentStartRepeatIT {
    @RepeatedTest(200)
    void threeInstancesStartingAtOnceOnH2() throws Exception {
        try (TestDatabase h2 = DatabaseServer.H2.isolate()) {
            new ConcurrentStartIT().threeInstancesStartingAtOnceAllComeUpAndMigrateOnce(h2);
        }
    }
}
