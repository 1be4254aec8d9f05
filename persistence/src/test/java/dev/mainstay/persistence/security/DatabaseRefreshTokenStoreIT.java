package dev.mainstay.persistence.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mainstay.persistence.Database;
import dev.mainstay.persistence.UniqueViolationException;
import dev.mainstay.test.database.DatabaseExtension;
import dev.mainstay.test.database.EveryDatabase;
import dev.mainstay.security.token.RefreshTokenStore;
import dev.mainstay.test.security.RefreshTokenStoreContract;
import dev.mainstay.security.token.StoredRefreshToken;
import java.time.Instant;
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
