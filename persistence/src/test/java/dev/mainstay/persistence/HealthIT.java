package dev.mainstay.persistence;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.mainstay.test.database.EveryDatabase;
import dev.mainstay.test.database.TestDatabase;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestDatabases.class)
class HealthIT {

    @EveryDatabase
    void readyWhileTheDatabaseAnswers(Database db) {
        assertDoesNotThrow(db::checkReady);
    }

    @EveryDatabase
    void notReadyWithinTheTimeoutWhenTheDatabaseGoesAwayAndReadyAgainWhenItReturns(TestDatabase target)
            throws Exception {
        try (Outage outage = Outage.of(target)) {
            outage.databaseUp();
            Database db = TestDatabases.start(target, Map.of("db.url", outage.url(), "db.pool.connection-timeout", "500ms"));
            db.checkReady();

            outage.databaseDown();
            assertTimeoutPreemptively(
                    Duration.ofSeconds(5), () -> assertThrows(DatabaseUnavailableException.class, db::checkReady));

            outage.databaseUp();
            Eventually.within(Duration.ofSeconds(20), db::checkReady);
        }
    }
}
