package dev.mainstay.persistence;

import static dev.mainstay.persistence.sample.jooq.Tables.SAMPLE_ITEM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.persistence.web.PersistenceProblems;
import dev.mainstay.test.database.EveryDatabase;
import dev.mainstay.test.database.TestDatabase;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestDatabases.class)
class ErrorTranslationIT {

    @EveryDatabase
    void duplicateUniqueValueIsAConflictThatNamesItsConstraint(Database db) {
        SampleItems.insert(db.dsl(), 1, "same", 1);
        UniqueViolationException conflict =
                assertThrows(UniqueViolationException.class, () -> SampleItems.insert(db.dsl(), 2, "same", 1));
        assertEquals(409, PersistenceProblems.conflict(conflict).status());
        assertTrue(conflict.violates("uq_sample_item_name"), conflict.getMessage());
        assertFalse(conflict.violates("uq_sample_item"), "a prefix of the name is another constraint");
    }

    @EveryDatabase
    void aValueTooLongForItsColumnIs422AndNothingIsWritten(Database db) {
        InvalidDataException invalid = assertThrows(
                InvalidDataException.class, () -> SampleItems.insert(db.dsl(), 1, "x".repeat(101), 1));
        assertEquals(422, PersistenceProblems.invalidData(invalid).status());
        assertFalse(PersistenceProblems.invalidData(invalid).detail().contains("sample_item"), "no SQL on the wire");
        assertTrue(invalid.getMessage().contains("SQLState 22"), invalid.getMessage());
        assertEquals(0, db.dsl().fetchCount(SAMPLE_ITEM));
    }

    @EveryDatabase
    void duplicatePrimaryKeyIsAConflictToo(Database db) {
        SampleItems.insert(db.dsl(), 1, "first", 1);
        assertThrows(UniqueViolationException.class, () -> SampleItems.insert(db.dsl(), 1, "second", 1));
    }

    @EveryDatabase
    void exhaustedPoolAnswers503WithinTheConnectionTimeout(TestDatabase target) throws Exception {
        Database db = TestDatabases.start(target, Map.of("db.pool.max-size", "1", "db.pool.connection-timeout", "300ms"));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> db.transaction(tx -> {
            tx.fetchCount(SAMPLE_ITEM);
            holding.countDown();
            await(release);
        }));
        try {
            assertTrue(holding.await(10, TimeUnit.SECONDS));
            long start = System.nanoTime();
            DatabaseUnavailableException unavailable = assertThrows(
                    DatabaseUnavailableException.class, () -> db.dsl().fetchCount(SAMPLE_ITEM));
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(waited.compareTo(Duration.ofMillis(290)) >= 0, "waited " + waited);
            // Far below the holder's 10 s: it gave up at the pool's timeout, not when the holder let go.
            assertTrue(waited.compareTo(Duration.ofSeconds(8)) < 0, "waited " + waited);
            assertEquals(503, PersistenceProblems.unavailable(unavailable).status());
            assertEquals("5", PersistenceProblems.unavailable(unavailable).headers().get("Retry-After"));
            assertTrue(unavailable.getMessage().contains("db.pool.connection-timeout"), unavailable.getMessage());
            assertThrows(DatabaseUnavailableException.class, () -> db.transaction(tx -> tx.fetchCount(SAMPLE_ITEM)));
        } finally {
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
        }
    }

    @EveryDatabase
    void statementLongerThanTheQueryTimeoutIsCancelledAnd503(TestDatabase target) {
        Database db = TestDatabases.start(target, Map.of("db.query-timeout", "1s"));
        long start = System.nanoTime();
        DatabaseUnavailableException timeout =
                assertThrows(DatabaseUnavailableException.class, () -> db.dsl().fetch(slowQuery(target.id())));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofSeconds(4)) < 0, "cancelled after " + took);
        assertTrue(timeout.getMessage().contains("db.query-timeout"), timeout.getMessage());
    }

    @EveryDatabase
    void otherSqlErrorsAreDatabaseExceptionsWithoutAProblemOfTheirOwn(Database db) {
        DatabaseException failure =
                assertThrows(DatabaseException.class, () -> db.dsl().fetch("SELECT no_such_column FROM sample_item"));
        assertEquals(DatabaseException.class, failure.getClass(), "a bug is a 500: no mapping of its own");
        assertTrue(failure.getMessage().startsWith("Statement failed (SQLState "), failure.getMessage());
    }

    /** A statement that runs for about ten seconds unless cancelled. */
    private static String slowQuery(String server) {
        return switch (server) {
            case "postgresql" -> "SELECT pg_sleep(10)";
            case "mariadb" ->
                "SELECT COUNT(*) FROM information_schema.columns a, information_schema.columns b,"
                        + " information_schema.columns c";
            default ->
                "SELECT COUNT(*) FROM SYSTEM_RANGE(1, 100000) a, SYSTEM_RANGE(1, 100000) b"
                        + " WHERE MOD(a.X * b.X, 7) = 3";
        };
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
