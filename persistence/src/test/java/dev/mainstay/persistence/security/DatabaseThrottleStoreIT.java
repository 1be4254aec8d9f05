package dev.mainstay.persistence.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mainstay.persistence.Database;
import dev.mainstay.persistence.DatabaseException;
import dev.mainstay.persistence.TestDatabases;
import dev.mainstay.security.throttle.ThrottleStore;
import dev.mainstay.test.database.DatabaseExtension;
import dev.mainstay.test.database.EveryDatabase;
import dev.mainstay.test.database.TestDatabase;
import dev.mainstay.test.security.ThrottleStoreContract;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Security's throttle-store contract on each database, plus what only a database store can get wrong. */
@ExtendWith(TestDatabases.class)
class DatabaseThrottleStoreIT {
    private static final Instant NOW = Instant.parse("2030-01-02T03:04:05.678Z");
    private static final Duration WINDOW = Duration.ofMinutes(15);

    @Nested
    class OnH2 extends ThrottleStoreContract {
        @RegisterExtension
        final DatabaseExtension db = DatabaseExtension.h2();

        @Override
        protected ThrottleStore newStore() {
            return DatabaseThrottleStore.create(TestDatabases.start(db.target()));
        }
    }

    @Nested
    class OnPostgreSql extends ThrottleStoreContract {
        @RegisterExtension
        final DatabaseExtension db = DatabaseExtension.postgresql();

        @Override
        protected ThrottleStore newStore() {
            return DatabaseThrottleStore.create(TestDatabases.start(db.target()));
        }
    }

    @Nested
    class OnMariaDb extends ThrottleStoreContract {
        @RegisterExtension
        final DatabaseExtension db = DatabaseExtension.mariadb();

        @Override
        protected ThrottleStore newStore() {
            return DatabaseThrottleStore.create(TestDatabases.start(db.target()));
        }
    }

    @EveryDatabase
    void twoInstancesOnOneDatabaseShareTheCount(TestDatabase target) {
        ThrottleStore first = DatabaseThrottleStore.create(TestDatabases.start(target));
        ThrottleStore second = DatabaseThrottleStore.create(TestDatabases.start(target));
        first.increment("account:ada", NOW, WINDOW);
        second.increment("account:ada", NOW, WINDOW);
        assertEquals(3, first.increment("account:ada", NOW, WINDOW).attempts());
        assertEquals(3, second.current("account:ada", NOW).attempts());
    }

    @EveryDatabase
    void keepsNoLoginNameInTheTable(Database db) {
        DatabaseThrottleStore.create(db).increment("account:ada@example.com", NOW, WINDOW);
        String stored = db.dsl().fetchValue("select key_hash from mainstay_throttle").toString();
        assertEquals(64, stored.length(), "a SHA-256 in hex: " + stored);
    }

    @EveryDatabase
    void withMigrationsOffTheTableIsLeftToTheOperator(TestDatabase target) {
        Database db = TestDatabases.start(target, Map.of("db.migrate", "false"));
        ThrottleStore store = DatabaseThrottleStore.create(db);
        assertThrows(DatabaseException.class, () -> store.current("account:ada", NOW));
    }
}
