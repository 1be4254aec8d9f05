package dev.mainstay.persistence.web;

import dev.mainstay.core.MainstaySetup;
import dev.mainstay.core.config.ConfigReader;
import dev.mainstay.core.config.Profile;
import dev.mainstay.core.config.Secret;
import dev.mainstay.core.exception.MainstayException;
import dev.mainstay.persistence.Database;
import dev.mainstay.persistence.DatabaseConfig;
import dev.mainstay.persistence.DatabaseException;
import dev.mainstay.persistence.idempotency.IdempotencyCleanup;
import dev.mainstay.security.throttle.ThrottleStore;
import java.util.List;

/**
 * Mainstay persistence wired into a Mainstay app in one call: the {@code db.*} config, the pool, its
 * metrics, readiness, the problem answers and shutdown.
 *
 * <pre>{@code
 * Mainstay.run(setup -> {
 *     Database db = MainstayPersistence.install(setup);
 *     setup.javalin(cfg -> cfg.routes.get("/items", ctx -> ctx.json(db.dsl().fetch(ITEM).intoMaps())));
 * });
 * }</pre>
 *
 * <p>An app with config of its own binds both in one call, so that start-up reports every problem at
 * once: <pre>{@code
 * Settings s = setup.config().bind(r -> new Settings(MainstayPersistence.config(r), AppConfig.from(r)));
 * Database db = MainstayPersistence.install(setup, s.db());
 * }</pre>
 */
public final class MainstayPersistence {
    private MainstayPersistence() {}

    /**
     * Reads {@code db.*} (see the README's table), creates the database and installs it, as {@link
     * #install(MainstaySetup, DatabaseConfig)}.
     *
     * @param setup the app being set up
     * @return the database, ready (or, with {@code db.startup=wait}, becoming ready)
     * @throws dev.mainstay.core.config.ConfigException listing every bad {@code db.*} key
     * @throws dev.mainstay.persistence.DatabaseException when the database cannot be reached or migrated
     */
    public static Database install(MainstaySetup setup) {
        return install(setup, setup.config().bind(MainstayPersistence::config));
    }

    /**
     * Creates the database from settings the app has bound, and installs it: closed when the app stops
     * (after in-flight requests, in reverse order of start), pool and query metrics on the app's
     * registry, a readiness check named {@code database}, and the {@link PersistenceProblems}.
     *
     * @param setup the app being set up
     * @param config the database settings, usually from {@link #config(ConfigReader)}
     * @return the database
     * @throws dev.mainstay.persistence.DatabaseException when the database cannot be reached or migrated
     */
    public static Database install(MainstaySetup setup, DatabaseConfig config) {
        PersistenceProblems.register(setup);
        Database db = setup.manage(create(config));
        db.bindTo(setup.meterRegistry());
        setup.readiness("database", db::checkReady);
        return db;
    }

    /**
     * Reads every {@code db.*} key; never throws, but records each problem in {@code reader}, in the
     * words of {@link DatabaseConfig.Builder#issues()}. In the {@code prod} profile a missing {@code
     * db.url}, or one that points at H2, is a problem.
     *
     * @param reader the reader of one {@code Config#bind} call
     * @return the settings; when a problem was recorded, placeholder defaults that {@code bind} discards
     */
    public static DatabaseConfig config(ConfigReader reader) {
        DatabaseConfig.Builder builder = DatabaseConfig.builder()
                .production(reader.profile() == Profile.PROD)
                .url(reader.optionalString("db.url").orElse(null))
                .user(reader.optionalString("db.user").orElse(null))
                .password(reader.secret("db.password").map(Secret::reveal).orElse(null));
        // Parse with the limits DatabaseConfig states; a value out of them is recorded here once and
        // replaced by the default, so the builder's own check does not report it again.
        int maxSize = reader.integer(
                "db.pool.max-size", DatabaseConfig.DEFAULT_POOL_MAX_SIZE, 1, DatabaseConfig.MAX_POOL_SIZE);
        builder.poolMaxSize(maxSize)
                .poolMinIdle(reader.integer("db.pool.min-idle", maxSize, 0, DatabaseConfig.MAX_POOL_SIZE))
                .connectionTimeout(reader.duration(
                        "db.pool.connection-timeout",
                        DatabaseConfig.DEFAULT_CONNECTION_TIMEOUT,
                        DatabaseConfig.MIN_CONNECTION_TIMEOUT,
                        DatabaseConfig.MAX_CONNECTION_TIMEOUT))
                .maxLifetime(reader.duration(
                        "db.pool.max-lifetime",
                        DatabaseConfig.DEFAULT_MAX_LIFETIME,
                        DatabaseConfig.MIN_MAX_LIFETIME,
                        DatabaseConfig.MAX_MAX_LIFETIME))
                .queryTimeout(reader.duration(
                        "db.query-timeout",
                        DatabaseConfig.DEFAULT_QUERY_TIMEOUT,
                        DatabaseConfig.MIN_QUERY_TIMEOUT,
                        DatabaseConfig.MAX_QUERY_TIMEOUT))
                .migrate(reader.bool("db.migrate", true))
                .migrationLocations(reader.list("db.migrations.locations", DatabaseConfig.DEFAULT_LOCATIONS))
                .startup(reader.enumValue(
                        "db.startup", DatabaseConfig.Startup.class, DatabaseConfig.Startup.FAIL_FAST));
        List<DatabaseConfig.Issue> issues = builder.issues();
        if (issues.isEmpty()) {
            return builder.build();
        }
        issues.forEach(issue -> reader.problem(issue.key(), issue.value(), issue.fix()));
        return placeholder();
    }

    /** A valid config to return when bind is about to throw anyway; never used to open a pool. */
    private static DatabaseConfig placeholder() {
        return new DatabaseConfig(
                DatabaseConfig.DEV_URL,
                null,
                null,
                DatabaseConfig.DEFAULT_POOL_MAX_SIZE,
                DatabaseConfig.DEFAULT_POOL_MAX_SIZE,
                DatabaseConfig.DEFAULT_CONNECTION_TIMEOUT,
                DatabaseConfig.DEFAULT_MAX_LIFETIME,
                DatabaseConfig.DEFAULT_QUERY_TIMEOUT,
                false,
                List.of(),
                DatabaseConfig.Startup.FAIL_FAST);
    }

    /**
     * Returns the login-throttle store that {@code security.throttle.store} names: {@code memory} (the
     * default; this instance only, holding {@code security.throttle.capacity} keys) or {@code database}
     * (one count shared by every instance, in {@link
     * dev.mainstay.persistence.security.DatabaseThrottleStore}, whose ended windows are then deleted
     * every {@code security.throttle.cleanup-interval} until the app stops). Needs mainstay-security.
     *
     * <pre>{@code
     * ThrottleStore throttleStore = MainstayPersistence.throttleStore(setup, db);
     * LoginThrottle throttle = new LoginThrottle(throttleStore, securityConfig.throttle(), Clock.systemUTC());
     * }</pre>
     *
     * <p>With the database store, a login is refused with 503 while the database is down or slow
     * (fail closed; see {@code DatabaseThrottleStore}).
     *
     * @param setup the app being set up
     * @param db the database to count in when {@code database} is chosen
     * @return the store
     * @throws dev.mainstay.core.config.ConfigException naming a bad {@code security.throttle.*} key
     */
    public static ThrottleStore throttleStore(MainstaySetup setup, Database db) {
        // In a class of its own, so that this class loads and verifies without mainstay-security.
        return ThrottleStores.choose(setup, db);
    }

    /**
     * Returns {@link Idempotency} over keys kept in {@code db}, and deletes expired keys every {@code
     * idempotency.cleanup-interval} (1 hour by default) until the app stops. Keys are kept {@code
     * idempotency.ttl} (24 hours by default, 1 minute to 30 days).
     *
     * @param setup the app being set up
     * @param db the database the idempotent handlers write to
     * @return the idempotency, shared by every caller until {@link Idempotency#identifiedBy} is set
     * @throws dev.mainstay.core.config.ConfigException naming a bad {@code idempotency.*} key
     */
    public static Idempotency idempotency(MainstaySetup setup, Database db) {
        IdempotencySettings settings = setup.config().bind(IdempotencySettings::read);
        Idempotency idempotency = Idempotency.of(db).ttl(settings.ttl());
        setup.manage(IdempotencyCleanup.start(idempotency.store(), settings.cleanupInterval()));
        return idempotency;
    }

    /**
     * A database that cannot be reached or migrated at start-up is an explained failure: its message
     * names the key and the fix, so core prints that message alone, without a stack trace, as it
     * does for its own start-up failures.
     */
    private static Database create(DatabaseConfig config) {
        try {
            return Database.create(config);
        } catch (DatabaseException e) {
            throw new MainstayException(e.getMessage(), e);
        }
    }
}
