package dev.mainstay.persistence.web;

import dev.mainstay.core.MainstaySetup;
import dev.mainstay.core.config.ConfigReader;
import dev.mainstay.persistence.Database;
import dev.mainstay.persistence.security.DatabaseThrottleStore;
import dev.mainstay.security.DurationSetting;
import dev.mainstay.security.IntSetting;
import dev.mainstay.security.throttle.InMemoryThrottleStore;
import dev.mainstay.security.PeriodicCleanup;
import dev.mainstay.security.throttle.ThrottleConfig;
import dev.mainstay.security.throttle.ThrottleStore;
import java.time.Duration;

/**
 * Chooses the login-throttle store from {@code security.throttle.store}, for {@link
 * MainstayPersistence#throttleStore}: only this module can build the database store, so the key is
 * read here rather than with the rest of mainstay-security's config.
 */
final class ThrottleStores {
    /** The values of {@code security.throttle.store}. */
    enum Kind {
        MEMORY,
        DATABASE
    }

    private record Settings(Kind kind, int capacity, Duration cleanupInterval) {}

    private ThrottleStores() {}

    static ThrottleStore choose(MainstaySetup setup, Database db) {
        Settings settings = setup.config().bind(ThrottleStores::read);
        if (settings.kind() == Kind.MEMORY) {
            return new InMemoryThrottleStore(settings.capacity());
        }
        ThrottleStore store = DatabaseThrottleStore.create(db);
        setup.manage(PeriodicCleanup.start("ended throttle windows", settings.cleanupInterval(), store::deleteExpired));
        return store;
    }

    private static Settings read(ConfigReader r) {
        return new Settings(
                r.enumValue(ThrottleConfig.STORE, Kind.class, Kind.MEMORY),
                integer(r, ThrottleConfig.CAPACITY),
                duration(r, ThrottleConfig.CLEANUP_INTERVAL));
    }

    private static int integer(ConfigReader r, IntSetting s) {
        return r.integer(s.key(), s.defaultValue(), s.min(), s.max());
    }

    private static Duration duration(ConfigReader r, DurationSetting s) {
        return r.duration(s.key(), s.defaultValue(), s.min(), s.max());
    }
}
