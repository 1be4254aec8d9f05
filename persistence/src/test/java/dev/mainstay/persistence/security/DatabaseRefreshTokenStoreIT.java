package dev.mainstay.persistence.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.persistence.Database;
import dev.mainstay.persistence.UniqueViolationException;
import dev.mainstay.test.database.DatabaseExtension;
import dev.mainstay.test.database.EveryDatabase;
import dev.mainstay.security.token.RefreshTokenStore;
import dev.mainstay.test.security.RefreshTokenStoreContract;
import dev.mainstay.security.token.StoredRefreshToken;
import dev.mainstay.security.token.RefreshTokens;
import dev.mainstay.security.token.Rotation;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;
import dev.mainstay.persistence.TestDatabases;
import org.junit.jupiter.api.extension.ExtendWith;

/** Security's shared contract, on each database, plus what only a database store can get wrong. */
@ExtendWith(TestDatabases.class)
class DatabaseRefreshTokenStoreIT {
    private static final Instant NOW = Instant.parse("2030-01-02T03:04:05.678Z");

    @Nested
    class OnH2 extends RefreshTokenStoreContract {
        @RegisterExtension
        final DatabaseExtension db = DatabaseExtension.h2();

        @Override
        protected RefreshTokenStore newStore() {
            return DatabaseRefreshTokenStore.create(TestDatabases.start(db.target()));
        }
    }

    @Nested
    class OnPostgreSql extends RefreshTokenStoreContract {
        @RegisterExtension
        final DatabaseExtension db = DatabaseExtension.postgresql();

        @Override
        protected RefreshTokenStore newStore() {
            return DatabaseRefreshTokenStore.create(TestDatabases.start(db.target()));
        }
    }

    @Nested
    class OnMariaDb extends RefreshTokenStoreContract {
        @RegisterExtension
        final DatabaseExtension db = DatabaseExtension.mariadb();

        @Override
        protected RefreshTokenStore newStore() {
            return DatabaseRefreshTokenStore.create(TestDatabases.start(db.target()));
        }
    }

    /** Two threads on PostgreSQL: a reuse of an old token while the family is being rotated. */
    @Nested
    class RaceOnPostgreSql {
        @RegisterExtension
        final DatabaseExtension db = DatabaseExtension.postgresql();

        @Test
        void aReuseRevokingTheFamilyDuringARotationAlsoRevokesTheNewToken() throws Exception {
            Database database = TestDatabases.start(db.target());
            RefreshTokens tokens = RefreshTokens.create(DatabaseRefreshTokenStore.create(database), Duration.ofDays(1));
            String first = tokens.issue("ann").value();
            String second = tokens.rotate(first).orElseThrow().next().value(); // first is used now
            CountDownLatch rotated = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                // The legitimate rotation of `second` holds its transaction open until the reuse of
                // `first` is seen waiting on its locks, then commits: the worst interleaving, every time.
                Future<Optional<Rotation>> legitimate = threads.submit(() -> database.transactionResult(dsl -> {
                    Optional<Rotation> next = tokens.rotate(second);
                    rotated.countDown();
                    awaitSomeoneBlockedOnThisTransaction(dsl);
                    return next;
                }));
                assertTrue(rotated.await(30, TimeUnit.SECONDS));
                Future<Optional<Rotation>> reuse = threads.submit(() -> tokens.rotate(first));
                assertEquals(Optional.empty(), reuse.get(30, TimeUnit.SECONDS), "a reuse never rotates");
                Optional<Rotation> third = legitimate.get(30, TimeUnit.SECONDS);
                if (third.isPresent()) {
                    assertEquals(
                            Optional.empty(),
                            tokens.rotate(third.get().next().value()),
                            "the token made by the racing rotation must be revoked with its family");
                }
            } finally {
                threads.shutdownNow();
            }
        }

        private void awaitSomeoneBlockedOnThisTransaction(DSLContext dsl) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                // pg_stat_activity is snapshotted per transaction; clear it to see the other thread.
                dsl.fetch("select pg_stat_clear_snapshot()");
                Object blocked = dsl.fetchValue(
                        "select count(*) from pg_stat_activity where pg_backend_pid() = any(pg_blocking_pids(pid))");
                if (((Number) blocked).intValue() > 0) {
                    return;
                }
                Thread.onSpinWait();
            }
            throw new AssertionError("the reuse never waited on the rotation's locks");
        }
    }

    @EveryDatabase
    void keepsWhenTheFamilyStarted(Database db) {
        RefreshTokenStore store = DatabaseRefreshTokenStore.create(db);
        Instant started = NOW.minusSeconds(86_400);
        store.save(new StoredRefreshToken("hash", "family", "s", NOW, NOW.plusSeconds(60), null, null, started));
        assertEquals(started, store.find("hash").orElseThrow().familyStartedAt());
    }

    @EveryDatabase
    void comparesSubjectsAndHashesCaseSensitively(Database db) {
        RefreshTokenStore store = DatabaseRefreshTokenStore.create(db);
        store.save(token("hash-a", "alice"));
        store.save(token("HASH-A", "Alice"));

        store.revokeSubject("alice", NOW);

        assertEquals(NOW, store.find("hash-a").orElseThrow().revokedAt());
        assertNull(store.find("HASH-A").orElseThrow().revokedAt(), "Alice is not alice");
    }

    @EveryDatabase
    void duplicateHashIsAUniqueViolation(Database db) {
        RefreshTokenStore store = DatabaseRefreshTokenStore.create(db);
        store.save(token("hash", "s"));
        assertThrows(UniqueViolationException.class, () -> store.save(token("hash", "t")));
    }

    @EveryDatabase
    void creatingTheStoreTwiceMigratesOnce(Database db) {
        DatabaseRefreshTokenStore.create(db).save(token("hash", "s"));
        assertEquals(
                "s",
                DatabaseRefreshTokenStore.create(db).find("hash").orElseThrow().subject());
    }

    @EveryDatabase
    void withMigrationsOffTheTableIsLeftToTheOperator(dev.mainstay.test.database.TestDatabase target) {
        Database db = TestDatabases.start(target, Map.of("db.migrate", "false"));
        RefreshTokenStore store = DatabaseRefreshTokenStore.create(db);
        assertThrows(dev.mainstay.persistence.DatabaseException.class, () -> store.find("hash"));
    }

    private static StoredRefreshToken token(String hash, String subject) {
        return new StoredRefreshToken(hash, "family-" + hash, subject, NOW, NOW.plusSeconds(60), null, null);
    }
}
