package dev.mainstay.persistence;

import dev.mainstay.core.config.ConfigReader;
import dev.mainstay.core.config.Profile;
import dev.mainstay.core.config.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The {@code db.*} settings from which {@link Database#create} builds a pool, a jOOQ context and
 * runs migrations. Read it with {@code config.bind(DatabaseConfig::from)}; the README lists every key.
 *
 * <p>Immutable and thread-safe. {@link #toString()} masks the password, also inside {@code url}.
 *
 * @param url the JDBC URL; its prefix chooses the dialect ({@code jdbc:postgresql:}, {@code
 *     jdbc:mariadb:}, {@code jdbc:mysql:} or {@code jdbc:h2:})
 * @param user the user to connect as, or {@code null} to use the one in {@code url} (or none)
 * @param password the password, or {@code null} to use the one in {@code url} (or none)
 * @param poolMaxSize the most connections the pool opens
 * @param poolMinIdle the fewest idle connections the pool keeps; equal to {@code poolMaxSize} gives
 *     the fixed-size pool that HikariCP recommends
 * @param connectionTimeout how long a caller waits for a connection before getting a {@link
 *     DatabaseUnavailableException}
 * @param maxLifetime how long a connection lives; keep it below every timeout of the database and
 *     the network in between
 * @param queryTimeout the longest a single statement may run (enforced by the server)
 * @param migrate whether to run Flyway migrations when the database is created
 * @param migrationLocations Flyway locations; {@value #VENDOR_PLACEHOLDER} is replaced by the
 *     vendor's folder name ({@code h2}, {@code postgresql}, {@code mariadb} or {@code mysql})
 * @param startup what to do when the database is unreachable at start-up
 */
public record DatabaseConfig(
        String url,
        String user,
        Secret password,
        int poolMaxSize,
        int poolMinIdle,
        Duration connectionTimeout,
        Duration maxLifetime,
        Duration queryTimeout,
        boolean migrate,
        List<String> migrationLocations,
        Startup startup) {

    /** The URL used in dev and test when {@code db.url} is not set: an in-memory H2 database. */
    public static final String DEV_URL = "jdbc:h2:mem:mainstay;DB_CLOSE_DELAY=-1";

    /** The placeholder in a migration location that stands for the vendor's folder name. */
    public static final String VENDOR_PLACEHOLDER = "{vendor}";

    /** The default migration locations: vendor-neutral scripts, then the vendor's own. */
    public static final List<String> DEFAULT_LOCATIONS =
            List.of("classpath:db/migration", "classpath:db/vendor/" + VENDOR_PLACEHOLDER);

    /** HikariCP's own default and advice: a small, fixed-size pool outperforms a large one. */
    private static final int DEFAULT_POOL_MAX_SIZE = 10;
    /** Long enough to ride out a blip, short enough that a saturated pool answers 503 quickly. */
    private static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(3);
    /** Below the usual idle limits of databases, proxies and firewalls (often an hour or more). */
    private static final Duration DEFAULT_MAX_LIFETIME = Duration.ofMinutes(30);
    /** Longer than any request should wait; a runaway query must not hold a connection forever. */
    private static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(30);

    /** What {@link Database#create} does when the database cannot be reached. */
    public enum Startup {
        /** Throw a {@link DatabaseException} that names {@code db.url} and the fix (the default). */
        FAIL_FAST,
        /** Start anyway, report not-ready, and connect and migrate in the background once it appears. */
        WAIT
    }

    /** Checks that nothing is {@code null} except {@code user} and {@code password}. */
    public DatabaseConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        Objects.requireNonNull(maxLifetime, "maxLifetime");
        Objects.requireNonNull(queryTimeout, "queryTimeout");
        migrationLocations = List.copyOf(migrationLocations);
        Objects.requireNonNull(startup, "startup");
    }

    /**
     * Reads every {@code db.*} key; never throws, but records each problem in {@code reader}.
     *
     * <p>In the {@code prod} profile a missing {@code db.url}, or one that points at H2, is a problem.
     *
     * @param reader the reader of one {@code Config#bind} call
     * @return the settings, with defaults in place of bad values
     */
    public static DatabaseConfig from(ConfigReader reader) {
        String url = url(reader);
        int maxSize = reader.integer("db.pool.max-size", DEFAULT_POOL_MAX_SIZE, 1, 500);
        int minIdle = reader.integer("db.pool.min-idle", maxSize, 0, 500);
        if (minIdle > maxSize) {
            reader.problem(
                    "db.pool.min-idle", String.valueOf(minIdle), "must not exceed db.pool.max-size (" + maxSize + ")");
        }
        return new DatabaseConfig(
                url,
                reader.optionalString("db.user").orElse(null),
                reader.secret("db.password").orElse(null),
                maxSize,
                Math.min(minIdle, maxSize),
                reader.duration(
                        "db.pool.connection-timeout",
                        DEFAULT_CONNECTION_TIMEOUT,
                        Duration.ofMillis(250), // HikariCP's floor
                        Duration.ofSeconds(30)),
                reader.duration(
                        "db.pool.max-lifetime",
                        DEFAULT_MAX_LIFETIME,
                        Duration.ofSeconds(30), // HikariCP's floor
                        Duration.ofHours(24)),
                reader.duration("db.query-timeout", DEFAULT_QUERY_TIMEOUT, Duration.ofSeconds(1), Duration.ofHours(1)),
                reader.bool("db.migrate", true),
                reader.list("db.migrations.locations", DEFAULT_LOCATIONS),
                reader.enumValue("db.startup", Startup.class, Startup.FAIL_FAST));
    }

    private static String url(ConfigReader reader) {
        boolean prod = reader.profile() == Profile.PROD;
        String url = reader.optionalString("db.url").orElse(null);
        if (url == null) {
            if (prod) {
                reader.problem(
                        "db.url",
                        null,
                        "is required in prod: set the JDBC URL of PostgreSQL or MariaDB,"
                                + " e.g. jdbc:postgresql://db.internal:5432/app");
            }
            return DEV_URL;
        }
        Vendor vendor = Vendor.of(url);
        if (vendor == null) {
            reader.problem("db.url", Urls.redact(url), "must start with " + Vendor.prefixes());
        } else if (vendor == Vendor.H2 && prod) {
            reader.problem(
                    "db.url",
                    Urls.redact(url),
                    "H2 is for development and tests; in prod point it at"
                            + " PostgreSQL or MariaDB, e.g. jdbc:postgresql://db.internal:5432/app");
        }
        return url;
    }

    /** Returns the settings with the password masked, also where {@code url} carries one. */
    @Override
    public String toString() {
        return "DatabaseConfig[url=" + Urls.redact(url) + ", user=" + user + ", password=" + password
                + ", poolMaxSize=" + poolMaxSize + ", poolMinIdle=" + poolMinIdle + ", connectionTimeout="
                + connectionTimeout + ", maxLifetime=" + maxLifetime + ", queryTimeout=" + queryTimeout + ", migrate="
                + migrate + ", migrationLocations=" + migrationLocations + ", startup=" + startup + "]";
    }
}
