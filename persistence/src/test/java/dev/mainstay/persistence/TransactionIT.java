package dev.mainstay.persistence;

import static dev.mainstay.persistence.sample.jooq.Tables.SAMPLE_ITEM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mainstay.test.database.EveryDatabase;
import dev.mainstay.test.database.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestDatabases.class)
class TransactionIT {

    @EveryDatabase
    void commitsWhenTheWorkReturnsAndHandsBackItsResult(Database db) {
        int inserted = db.transactionResult(tx -> {
            SampleItems.insert(tx, 1, "one", 1);
            SampleItems.insert(tx, 2, "two", 1);
            return 2;
        });
        assertEquals(2, inserted);
        assertEquals(2, db.dsl().fetchCount(SAMPLE_ITEM));
    }

    @EveryDatabase
    void failureHalfwayLeavesNoPartialRows(Database db) {
        IllegalStateException failure = new IllegalStateException("boom after the first row");
        IllegalStateException thrown = assertThrows(
                IllegalStateException.class,
                () -> db.transaction(tx -> {
                    SampleItems.insert(tx, 1, "one", 1);
                    throw failure;
                }));
        assertSame(failure, thrown, "the work's own exception reaches the caller unchanged");
        assertEquals(0, db.dsl().fetchCount(SAMPLE_ITEM));
    }

    @EveryDatabase
    void failingStatementHalfwayRollsBackTheRowsBeforeIt(Database db) {
        SampleItems.insert(db.dsl(), 1, "taken", 1);
        assertThrows(
                UniqueViolationException.class,
                () -> db.transaction(tx -> {
                    SampleItems.insert(tx, 2, "fresh", 1);
                    SampleItems.insert(tx, 3, "taken", 1);
                }));
        assertEquals(
                List.of(1L), db.dsl().select(SAMPLE_ITEM.ID).from(SAMPLE_ITEM).fetch(SAMPLE_ITEM.ID));
    }

    @EveryDatabase
    void nestedFailureRollsBackOnlyToItsSavepoint(Database db) {
        db.transaction(outer -> {
            SampleItems.insert(outer, 1, "outer-before", 1);
            assertThrows(
                    IllegalStateException.class,
                    () -> db.transaction(inner -> {
                        SampleItems.insert(inner, 2, "inner", 1);
                        throw new IllegalStateException("inner fails");
                    }));
            SampleItems.insert(outer, 3, "outer-after", 1);
        });
        assertEquals(
                List.of(1L, 3L),
                db.dsl()
                        .select(SAMPLE_ITEM.ID)
                        .from(SAMPLE_ITEM)
                        .orderBy(SAMPLE_ITEM.ID)
                        .fetch(SAMPLE_ITEM.ID));
    }

    @EveryDatabase
    void outerFailureAlsoUndoesACompletedNestedTransaction(Database db) {
        assertThrows(
                IllegalStateException.class,
                () -> db.transaction(outer -> {
                    outer.transaction(inner -> SampleItems.insert(inner.dsl(), 1, "inner", 1));
                    throw new IllegalStateException("outer fails after the nested one committed its savepoint");
                }));
        assertEquals(0, db.dsl().fetchCount(SAMPLE_ITEM));
    }

    @EveryDatabase
    void dslJoinsTheTransactionOnItsThreadButOtherThreadsCannotSeeIt(Database db) {
        db.transaction(tx -> {
            SampleItems.insert(tx, 1, "uncommitted", 1);
            assertEquals(1, db.dsl().fetchCount(SAMPLE_ITEM), "db.dsl() on the same thread joins the transaction");
            int seenElsewhere = CompletableFuture.supplyAsync(() -> db.dsl().fetchCount(SAMPLE_ITEM))
                    .join();
            assertEquals(0, seenElsewhere, "another thread uses its own connection and sees nothing uncommitted");
        });
        assertEquals(1, db.dsl().fetchCount(SAMPLE_ITEM));
    }

    @EveryDatabase
    void dslTransactionInsideDbTransactionIsASavepointNotASecondCommit(Database db) {
        assertThrows(
                IllegalStateException.class,
                () -> db.transaction(outer -> {
                    db.dsl().transaction(inner -> SampleItems.insert(inner.dsl(), 1, "inner", 1));
                    throw new IllegalStateException("outer fails after jOOQ's own nested transaction returned");
                }));
        assertEquals(0, db.dsl().fetchCount(SAMPLE_ITEM), "the inner work did not commit on its own");
    }

    @EveryDatabase
    void failedDslTransactionInsideDbTransactionRollsBackOnlyItself(Database db) {
        db.transaction(outer -> {
            SampleItems.insert(outer, 1, "outer", 1);
            assertThrows(
                    IllegalStateException.class,
                    () -> db.dsl().transaction(inner -> {
                        SampleItems.insert(inner.dsl(), 2, "inner", 1);
                        throw new IllegalStateException("inner fails");
                    }));
        });
        assertEquals(
                List.of(1L), db.dsl().select(SAMPLE_ITEM.ID).from(SAMPLE_ITEM).fetch(SAMPLE_ITEM.ID));
    }

    @EveryDatabase
    void dbTransactionInsideDslTransactionJoinsIt(Database db) {
        assertThrows(
                IllegalStateException.class,
                () -> db.dsl().transaction(outer -> {
                    db.transaction(inner -> SampleItems.insert(inner, 1, "inner", 1));
                    assertEquals(1, db.dsl().fetchCount(SAMPLE_ITEM), "visible inside the outer transaction");
                    throw new IllegalStateException("outer fails");
                }));
        assertEquals(0, db.dsl().fetchCount(SAMPLE_ITEM));
    }

    @EveryDatabase
    void theConnectionGoesBackToThePoolAfterEveryKindOfEnding(TestDatabase target) {
        Database db = TestDatabases.start(target, Map.of("db.pool.max-size", "1", "db.pool.connection-timeout", "1s"));
        db.transaction(tx -> SampleItems.insert(tx, 1, "committed", 1));
        assertThrows(IllegalStateException.class, () -> db.transaction(tx -> {
            throw new IllegalStateException("rolled back");
        }));
        assertThrows(
                UniqueViolationException.class,
                () -> db.dsl().transaction(tx -> SampleItems.insert(tx.dsl(), 1, "committed", 1)));
        // With a pool of one, any connection kept by a finished transaction would make this time out.
        assertEquals(1, db.dsl().fetchCount(SAMPLE_ITEM));
        assertEquals(1, (int) db.transactionResult(tx -> tx.fetchCount(SAMPLE_ITEM)));
    }
}
