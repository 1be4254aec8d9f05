package dev.mainstay.persistence;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.mainstay.persistence.testing.EveryDatabase;
import dev.mainstay.persistence.testing.TestDatabase;
import java.time.Duration;
import java.util.Map;

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
            Database db = target.start(Map.of("db.url", outage.url(), "db.pool.connection-timeout", "500ms"));
            db.checkReady();

            outage.databaseDown();
            assertTimeoutPreemptively(
                    Duration.ofSeconds(5), () -> assertThrows(DatabaseUnavailableException.class, db::checkReady));

            outage.databaseUp();
            Eventually.within(Duration.ofSeconds(20), db::checkReady);
        }
    }
}
