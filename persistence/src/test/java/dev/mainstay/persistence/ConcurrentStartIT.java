package dev.mainstay.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.core.config.Config;
import dev.mainstay.persistence.idempotency.IdempotencyStore;
import dev.mainstay.persistence.security.DatabaseRefreshTokenStore;
import dev.mainstay.persistence.security.DatabaseThrottleStore;
import dev.mainstay.persistence.web.MainstayPersistence;
import dev.mainstay.test.database.EveryDatabase;
import dev.mainstay.test.database.TestDatabase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jooq.Record2;
import org.jooq.impl.DSL;

/**
 * Three instances of a service starting at the same moment against one empty database, as a rolling
 * deployment or a scaled-out start does: all three come up, and every migration (the application's and
 * the three modules', each in its own history table) ran exactly once, because Flyway takes a lock on the
 * history while it migrates and the instances that waited find nothing left to do.
 */
class ConcurrentStartIT {
    private static final int INSTANCES = 3;

    @EveryDatabase
    void threeInstancesStartingAtOnceAllComeUpAndMigrateOnce(TestDatabase target) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(INSTANCES);
        List<Future<Database>> starts = new ArrayList<>();
        try {
            for (int i = 0; i < INSTANCES; i++) {
                starts.add(threads.submit(() -> {
                    go.await();
                    return startLikeAService(target);
                }));
            }
            go.countDown(); // all three threads are released together
            List<Database> instances = new ArrayList<>();
            Exception failed = null;
            for (Future<Database> start : starts) {
                // TestDatabase.manage is not thread-safe: hand each instance to it from this thread,
                // every one that started, so that one failure does not leave the others open.
                try {
                    instances.add(target.manage(start.get(2, TimeUnit.MINUTES)));
                } catch (ExecutionException | TimeoutException e) {
                    if (failed == null) failed = e;
                    else failed.addSuppressed(e);
                }
            }
            if (failed != null) throw failed;
            for (Database db : instances) {
                assertEquals(0, db.dsl().fetchCount(DSL.table(DSL.name("sample_item"))), "instance answers");
                db.checkReady();
            }
            Database db = instances.get(0);
            boolean mariaDb = target.id().equals("mariadb");
            assertAppliedOnce(db, Migrations.APPLICATION_HISTORY, 3);
            assertAppliedOnce(db, DatabaseRefreshTokenStore.HISTORY_TABLE, mariaDb ? 3 : 2);
            assertAppliedOnce(db, DatabaseThrottleStore.HISTORY_TABLE, 1);
            assertAppliedOnce(db, IdempotencyStore.HISTORY_TABLE, mariaDb ? 2 : 1);
        } finally {
            threads.shutdownNow();
        }
    }

    /** What a service's start-up does with the database: open it (the application's migrations), then the modules. */
    private static Database startLikeAService(TestDatabase target) {
        Map<String, String> values = new HashMap<>(target.config());
        values.put("profile", "test");
        Database db = Database.create(Config.of(values).bind(MainstayPersistence::config));
        try {
            DatabaseRefreshTokenStore.create(db);
            DatabaseThrottleStore.create(db);
            IdempotencyStore.create(db);
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Asserts that {@code table} records {@code scripts} successful scripts, and no version twice. */
    private static void assertAppliedOnce(Database db, String table, int scripts) {
        List<Record2<String, Integer>> versions = db.dsl()
                .select(DSL.field(DSL.quotedName("version"), String.class), DSL.count())
                .from(DSL.table(DSL.quotedName(table)))
                .where(DSL.field(DSL.quotedName("type")).eq("SQL"))
                .groupBy(DSL.field(DSL.quotedName("version")))
                .fetch();
        assertEquals(scripts, versions.size(), table + ": " + versions);
        versions.forEach(v -> assertEquals(1, v.value2(), table + " applied version " + v.value1() + " twice"));
        int failed = db.dsl().fetchCount(DSL.table(DSL.quotedName(table)),
                DSL.field(DSL.quotedName("success"), Boolean.class).isFalse());
        assertTrue(failed == 0, table + " records " + failed + " failed scripts");
    }
}
