package dev.mainstay.persistence;

import dev.mainstay.test.database.DatabaseServer;
import dev.mainstay.test.database.TestDatabase;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * {@link ConcurrentStartIT}'s three simultaneous starts, repeated on a fresh database each time. Before
 * migrations on H2 were serialised in the JVM, 29 of 200 such starts on H2 failed with a duplicate row
 * in a module's history table (Flyway's H2 lock cannot cover an empty history). A measurement, so it
 * runs only when asked:
 * {@code ./mvnw -B -pl persistence -am verify -Dtest=none -Dit.test=ConcurrentStartRepeatIT
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false -Dinvoker.skip
 * -Dmainstay.repeat=true}. PostgreSQL and MariaDB follow the test databases' rule (skipped with a
 * message when absent).
 */
@EnabledIfSystemProperty(named = "mainstay.repeat", matches = "true")
class ConcurrentStartRepeatIT {
    @RepeatedTest(200)
    void onH2() throws Exception {
        startThreeAtOnce(DatabaseServer.H2);
    }

    @RepeatedTest(50)
    void onPostgreSql() throws Exception {
        startThreeAtOnce(DatabaseServer.POSTGRESQL);
    }

    @RepeatedTest(50)
    void onMariaDb() throws Exception {
        startThreeAtOnce(DatabaseServer.MARIADB);
    }

    private static void startThreeAtOnce(DatabaseServer server) throws Exception {
        try (TestDatabase database = server.isolate()) {
            new ConcurrentStartIT().threeInstancesStartingAtOnceAllComeUpAndMigrateOnce(database);
        }
    }
}
