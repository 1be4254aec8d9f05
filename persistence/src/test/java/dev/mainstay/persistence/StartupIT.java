package dev.mainstay.persistence;

import static dev.mainstay.persistence.sample.jooq.Tables.SAMPLE_ITEM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.test.database.EveryDatabase;
import dev.mainstay.test.database.TestDatabase;
import java.time.Duration;
import java.util.Map;

class StartupIT {
    private static final String PASSWORD = "n0t-the-Passw0rd";

    @EveryDatabase
    void failFastNamesTheUrlAndTheWayOutWhenTheDatabaseIsDown(TestDatabase target) {
        try (Outage outage = Outage.of(target)) {
            DatabaseException failure = assertThrows(
                    DatabaseException.class,
                    () -> TestDatabases.start(target, Map.of("db.url", outage.url(), "db.password", PASSWORD)));
            assertTrue(
                    failure.getMessage().startsWith("Cannot connect to the database at db.url '"),
                    failure.getMessage());
            assertTrue(failure.getMessage().contains("db.startup=wait"), failure.getMessage());
            assertFalse(failure.getMessage().contains(PASSWORD), "the password must not be in the message");
        }
    }

    @EveryDatabase
    void refusedCredentialsNameDbUserAndDbPassword(TestDatabase target) {
        TestDatabases.start(target); // H2 creates its users on first connection: make it exist with the real one first
        // PostgreSQL lets a user in the URL win over db.user: take the test server's out.
        String url = target.url().replaceFirst("([?&])user=[^&]*&?", "$1");
        DatabaseException failure = assertThrows(
                DatabaseException.class,
                () -> TestDatabases.start(target, Map.of("db.url", url, "db.user", "mainstay_nobody", "db.password", PASSWORD)));
        assertTrue(failure.getMessage().contains("refused db.user 'mainstay_nobody'"), failure.getMessage());
        assertTrue(failure.getMessage().contains("db.password"), failure.getMessage());
        assertFalse(failure.getMessage().contains(PASSWORD), "the password must not be in the message");
    }

    @EveryDatabase
    void waitModeStartsNotReadyThenConnectsAndMigratesWhenTheDatabaseAppears(TestDatabase target) throws Exception {
        try (Outage outage = Outage.of(target)) {
            Map<String, String> config =
                    Map.of("db.url", outage.url(), "db.startup", "wait", "db.pool.connection-timeout", "250ms");
            Database db = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> TestDatabases.start(target, config));

            DatabaseUnavailableException notReady = assertThrows(
                    DatabaseUnavailableException.class, db::checkReady);
            assertTrue(notReady.getMessage().contains("waiting for the database at db.url"), notReady.getMessage());
            assertThrows(DatabaseUnavailableException.class, () -> db.dsl().fetchCount(SAMPLE_ITEM));

            outage.databaseUp();
            Eventually.within(Duration.ofSeconds(20), db::checkReady);
            assertEquals(0, db.dsl().fetchCount(SAMPLE_ITEM), "the migrations ran once the database appeared");
        }
    }
}
