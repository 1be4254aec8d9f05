package dev.mainstay.persistence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The settings from which {@link Database#create} builds a pool, a jOOQ context and runs migrations.
 * Each component is one {@code db.*} key of the README's table; build it with {@link #builder()}.
 *
 * <pre>{@code
 * DatabaseConfig config = DatabaseConfig.builder().url("jdbc:postgresql://db:5432/app").user("app")
 *         .password(System.getenv("DB_PASSWORD")).build();
 * }</pre>
 *
 * <p>Every value is checked in one place, {@link Builder#issues()}: the canonical constructor and
 * {@link Builder#build()} throw an {@link IllegalArgumentException} listing every bad key and its fix,
 * and Mainstay's config binding ({@code dev.mainstay.persistence.web.MainstayPersistence#config})
 * reports the same issues as start-up problems. Immutable and thread-safe. {@link #toString()} masks
 * the password, also inside {@code url}.
 *
 * @param url the JDBC URL; its prefix chooses the dialect ({@code jdbc:postgresql:}, {@code
 *     jdbc:mariadb:}, {@code jdbc:mysql:} or {@code jdbc:h2:})
 * @param user the user to connect as, or {@code null} to use the one in {@code url} (or none)
 * @param password the password, or {@code null} to use the one in {@code url} (or none)
 * @param poolMaxSize the most connections the pool opens, 1 to {@value #MAX_POOL_SIZE}
 * @param poolMinIdle the fewest idle connections the pool keeps, 0 to {@code poolMaxSize}; equal to
 *     {@code poolMaxSize} gives the fixed-size pool that HikariCP recommends
 * @param connectionTimeout how long a caller waits for a connection before getting a {@link
 *     DatabaseUnavailableException}, 250 ms to 30 s
 * @param maxLifetime how long a connection lives, 30 s to 24 h; keep it below every timeout of the
 *     database and the network in between
 * @param queryTimeout the longest a single statement may run (enforced by the server), 1 s to 1 h
 * @param migrate whether to run Flyway migrations when the database is created
 * @param migrationLocations Flyway locations; {@value #VENDOR_PLACEHOLDER} is replaced by the
 *     vendor's folder name ({@code h2}, {@code postgresql}, {@code mariadb} or {@code mysql})
 * @param startup what to do when the database is unreachable at start-up
 */
public record DatabaseConfig(
        String url,
        String user,
        String password,
        int poolMaxSize,
        int poolMinIdle,
        Duration connectionTimeout,
        Duration maxLifetime,
        Duration queryTimeout,
        boolean migrate,
        List<String> migrationLocations,
        Startup startup) {

    /** The URL used when none is given: an in-memory H2 database, for development and tests. */
    public static final String DEV_URL = "jdbc:h2:mem:mainstay;DB_CLOSE_DELAY=-1";

    /** The placeholder in a migration location that stands for the vendor's folder name. */
    public static final String VENDOR_PLACEHOLDER = "{vendor}";

    /** The default migration locations: vendor-neutral scripts, then the vendor's own. */
    public static final List<String> DEFAULT_LOCATIONS =
            List.of("classpath:db/migration", "classpath:db/vendor/" + VENDOR_PLACEHOLDER);

    /** HikariCP's own default and advice: a small, fixed-size pool outperforms a large one. */
    public static final int DEFAULT_POOL_MAX_SIZE = 10;
    /** Long enough to ride out a blip, short enough that a saturated pool answers 503 quickly. */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(3);
    /** Below the usual idle limits of databases, proxies and firewalls (often an hour or more). */
    public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofMinutes(30);
    /** Longer than any request should wait; a runaway query must not hold a connection forever. */
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(30);

    /** The largest pool allowed: far beyond what a database serves well from one instance. */
    public static final int MAX_POOL_SIZE = 500;
    /** HikariCP's floor for {@code connectionTimeout}. */
    public static final Duration MIN_CONNECTION_TIMEOUT = Duration.ofMillis(250);
    /** A caller should hear "unavailable" long before its own client gives up. */
    public static final Duration MAX_CONNECTION_TIMEOUT = Duration.ofSeconds(30);
    /** HikariCP's floor for {@code maxLifetime}. */
    public static final Duration MIN_MAX_LIFETIME = Duration.ofSeconds(30);
    /** Connections should be recycled at least daily. */
    public static final Duration MAX_MAX_LIFETIME = Duration.ofHours(24);
    /** Shorter would cut ordinary queries on a busy server. */
    public static final Duration MIN_QUERY_TIMEOUT = Duration.ofSeconds(1);
    /** Longer belongs to a batch job, not to a service's pool. */
    public static final Duration MAX_QUERY_TIMEOUT = Duration.ofHours(1);

    /** What {@link Database#create} does when the database cannot be reached. */
    public enum Startup {
        /** Throw a {@link DatabaseException} that names {@code db.url} and the fix (the default). */
        FAIL_FAST,
        /** Start anyway, report not-ready, and connect and migrate in the background once it appears. */
        WAIT
    }

    /** A bad setting: its key, the value as given (URL passwords masked) and how to fix it. */
    public record Issue(String key, String value, String fix) {
        @Override
        public String toString() {
            return key + (value == null ? "" : " '" + value + "'") + ": " + fix;
        }
    }

    /**
     * Checks every value; see the class description for the limits.
     *
     * @param url the JDBC URL ({@code db.url})
     * @param user the user ({@code db.user}), or {@code null} to take it from the URL
     * @param password the password ({@code db.password}), or {@code null} to take it from the URL
     * @param poolMaxSize the most pooled connections ({@code db.pool.max-size})
     * @param poolMinIdle the fewest idle connections kept ({@code db.pool.min-idle})
     * @param connectionTimeout how long to wait for a pooled connection ({@code db.pool.connection-timeout})
     * @param maxLifetime how long a pooled connection lives ({@code db.pool.max-lifetime})
     * @param queryTimeout how long one statement may run ({@code db.query-timeout})
     * @param migrate whether to apply the Flyway migrations at start-up ({@code db.migrate})
     * @param migrationLocations where the migrations are ({@code db.migrations.locations})
     * @param startup what start-up does when the database is unreachable ({@code db.startup})
     * @throws IllegalArgumentException listing every bad key and its fix
     * @throws NullPointerException when anything but {@code user} and {@code password} is null
     */
    public DatabaseConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        Objects.requireNonNull(maxLifetime, "maxLifetime");
        Objects.requireNonNull(queryTimeout, "queryTimeout");
        migrationLocations = List.copyOf(migrationLocations);
        Objects.requireNonNull(startup, "startup");
        DatabaseConfigCheck.throwIfAny(DatabaseConfigCheck.issues(
                url, poolMaxSize, poolMinIdle, connectionTimeout, maxLifetime, queryTimeout));
    }


    /**
     * Returns a builder holding the defaults: in-memory H2, a fixed pool of 10, migrations on.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the settings with the password masked, also where {@code url} carries one. */
    @Override
    public String toString() {
        return "DatabaseConfig[url=" + Urls.redact(url) + ", user=" + user + ", password="
                + (password == null ? null : "****") + ", poolMaxSize=" + poolMaxSize + ", poolMinIdle="
                + poolMinIdle + ", connectionTimeout=" + connectionTimeout + ", maxLifetime=" + maxLifetime
                + ", queryTimeout=" + queryTimeout + ", migrate=" + migrate + ", migrationLocations="
                + migrationLocations + ", startup=" + startup + "]";
    }

    /**
     * Collects settings, then checks them all at once in {@link #build()}. Each setter names its
     * {@code db.*} key. Not thread-safe; the built config is.
     */
    public static final class Builder {
        private String url;
        private String user;
        private String password;
        private int poolMaxSize = DEFAULT_POOL_MAX_SIZE;
        private Integer poolMinIdle;
        private Duration connectionTimeout = DEFAULT_CONNECTION_TIMEOUT;
        private Duration maxLifetime = DEFAULT_MAX_LIFETIME;
        private Duration queryTimeout = DEFAULT_QUERY_TIMEOUT;
        private boolean migrate = true;
        private List<String> migrationLocations = DEFAULT_LOCATIONS;
        private Startup startup = Startup.FAIL_FAST;
        private boolean production;

        private Builder() {}

        /**
         * Sets {@code db.url}; {@code null} (the default) means {@link #DEV_URL}, which needs H2.
         *
         * @param url the value
         * @return this builder
         */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        /**
         * Sets {@code db.user}; {@code null} (the default) takes it from the URL, if any.
         *
         * @param user the value
         * @return this builder
         */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /**
         * Sets {@code db.password}; {@code null} (the default) takes it from the URL, if any.
         *
         * @param password the value
         * @return this builder
         */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /**
         * Sets {@code db.pool.max-size}, default 10.
         *
         * @param poolMaxSize the value
         * @return this builder
         */
        public Builder poolMaxSize(int poolMaxSize) {
            this.poolMaxSize = poolMaxSize;
            return this;
        }

        /**
         * Sets {@code db.pool.min-idle}, default equal to the max size (a fixed pool).
         *
         * @param poolMinIdle the value
         * @return this builder
         */
        public Builder poolMinIdle(int poolMinIdle) {
            this.poolMinIdle = poolMinIdle;
            return this;
        }

        /**
         * Sets {@code db.pool.connection-timeout}, default 3 s.
         *
         * @param connectionTimeout the value
         * @return this builder
         */
        public Builder connectionTimeout(Duration connectionTimeout) {
            this.connectionTimeout = Objects.requireNonNull(connectionTimeout, "connectionTimeout");
            return this;
        }

        /**
         * Sets {@code db.pool.max-lifetime}, default 30 min.
         *
         * @param maxLifetime the value
         * @return this builder
         */
        public Builder maxLifetime(Duration maxLifetime) {
            this.maxLifetime = Objects.requireNonNull(maxLifetime, "maxLifetime");
            return this;
        }

        /**
         * Sets {@code db.query-timeout}, default 30 s.
         *
         * @param queryTimeout the value
         * @return this builder
         */
        public Builder queryTimeout(Duration queryTimeout) {
            this.queryTimeout = Objects.requireNonNull(queryTimeout, "queryTimeout");
            return this;
        }

        /**
         * Sets {@code db.migrate}, default true.
         *
         * @param migrate the value
         * @return this builder
         */
        public Builder migrate(boolean migrate) {
            this.migrate = migrate;
            return this;
        }

        /**
         * Sets {@code db.migrations.locations}, default {@link #DEFAULT_LOCATIONS}.
         *
         * @param migrationLocations the value
         * @return this builder
         */
        public Builder migrationLocations(List<String> migrationLocations) {
            this.migrationLocations = List.copyOf(migrationLocations);
            return this;
        }

        /**
         * Sets {@code db.startup}, default {@link Startup#FAIL_FAST}.
         *
         * @param startup the value
         * @return this builder
         */
        public Builder startup(Startup startup) {
            this.startup = Objects.requireNonNull(startup, "startup");
            return this;
        }

        /**
         * Refuses H2 and a missing URL, as a production service must run on PostgreSQL or MariaDB;
         * Mainstay's binding turns it on in the {@code prod} profile. Off by default.
         *
         * @param production whether to refuse H2 and a missing URL
         * @return this builder
         */
        public Builder production(boolean production) {
            this.production = production;
            return this;
        }

        /**
         * Returns every problem with the settings, in key order, without throwing; empty when {@link
         * #build()} will succeed.
         *
         * @return the problems, each with its key, value and fix
         */
        public List<Issue> issues() {
            List<Issue> issues = new ArrayList<>(DatabaseConfigCheck.urlIssues(url, production));
            issues.addAll(DatabaseConfigCheck.issues(
                    url == null ? DEV_URL : url,
                    poolMaxSize,
                    minIdle(),
                    connectionTimeout,
                    maxLifetime,
                    queryTimeout));
            return issues;
        }

        /**
         * Returns the checked settings.
         *
         * @return the settings, {@code null} URL replaced by {@link #DEV_URL}
         * @throws IllegalArgumentException listing every bad key and its fix, as {@link #issues()}
         */
        public DatabaseConfig build() {
            DatabaseConfigCheck.throwIfAny(issues());
            return new DatabaseConfig(
                    url == null ? DEV_URL : url,
                    user,
                    password,
                    poolMaxSize,
                    minIdle(),
                    connectionTimeout,
                    maxLifetime,
                    queryTimeout,
                    migrate,
                    migrationLocations,
                    startup);
        }

        private int minIdle() {
            return poolMinIdle == null ? poolMaxSize : poolMinIdle;
        }
    }
}
