package dev.mainstay.test.database;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A database server that tests run on, and the one rule for finding it: the environment variable
 * ({@code MAINSTAY_TEST_POSTGRES_URL}, {@code MAINSTAY_TEST_MARIADB_URL}), otherwise the local default;
 * when the server cannot be reached, its tests are skipped with a message on stderr, unless {@code
 * CI=true}: then they fail, so that a CI run cannot pass without its databases.
 *
 * <pre>{@code
 * try (TestDatabase db = DatabaseServer.POSTGRESQL.isolate()) {   // skips or fails by the rule
 *     Database database = Database.create(config(db.url()));
 * }
 * }</pre>
 *
 * <p>{@link #isolate()} carves out a throw-away place: a schema on PostgreSQL (selected with {@code
 * currentSchema} in the URL), a database on MariaDB, a new in-memory database on H2. It talks plain
 * JDBC ({@link DriverManager}), so the server's driver must be on the test classpath. Reachability is
 * checked once per JVM. Thread-safe.
 */
public enum DatabaseServer {
    /** An in-memory H2 database; always there when H2 is on the classpath. */
    H2("h2", "H2", null, "jdbc:h2:mem:"),
    /** PostgreSQL at {@code MAINSTAY_TEST_POSTGRES_URL}, default {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}. */
    POSTGRESQL(
            "postgresql",
            "PostgreSQL",
            "MAINSTAY_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"),
    /** MariaDB at {@code MAINSTAY_TEST_MARIADB_URL}, default {@code jdbc:mariadb://127.0.0.1:3306/test?user=root}. */
    MARIADB("mariadb", "MariaDB", "MAINSTAY_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test?user=root");

    private static final Map<DatabaseServer, Availability> CHECKED = new ConcurrentHashMap<>();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int LOGIN_TIMEOUT_SECONDS = 3;

    private final String id;
    private final String product;
    private final String variable;
    private final String defaultUrl;

    DatabaseServer(String id, String product, String variable, String defaultUrl) {
        this.id = id;
        this.product = product;
        this.variable = variable;
        this.defaultUrl = defaultUrl;
    }

    /**
     * Returns the short lower-case name, as test names show it.
     *
     * @return {@code h2}, {@code postgresql} or {@code mariadb}
     */
    public String id() {
        return id;
    }

    /**
     * Returns the environment variable that points at this server, or {@code null} for H2, which
     * needs none.
     *
     * @return {@code MAINSTAY_TEST_POSTGRES_URL}, {@code MAINSTAY_TEST_MARIADB_URL} or {@code null}
     */
    public String variable() {
        return variable;
    }

    /**
     * Returns the JDBC URL of the server by the rule: the environment variable, otherwise the local default.
     *
     * @return the URL of the server's administrative database, with its credentials
     */
    public String serverUrl() {
        return serverUrl(System.getenv());
    }

    /**
     * Applies the rule: returns when the server can be used, skips the calling test (JUnit's
     * assumption) with the reason when it cannot, and fails it instead when {@code CI=true}.
     */
    public void requireAvailable() {
        CHECKED.computeIfAbsent(this, server -> server.availability(System.getenv()))
                .apply();
    }

    /**
     * Creates a fresh, empty schema (PostgreSQL), database (MariaDB) or in-memory database (H2) and
     * returns it; {@link TestDatabase#close()} drops it. Applies {@link #requireAvailable()} first.
     *
     * @return the new database; close it to drop it
     * @throws IllegalStateException when the server answers but refuses to create it
     */
    public TestDatabase isolate() {
        requireAvailable();
        String name = "mst_" + HexFormat.of().formatHex(randomBytes());
        if (this == H2) {
            String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
            return new TestDatabase(this, url, () -> execute(url, "SHUTDOWN"));
        }
        String admin = serverUrl();
        String create = this == POSTGRESQL ? "CREATE SCHEMA " + name : "CREATE DATABASE " + name;
        String drop = this == POSTGRESQL ? "DROP SCHEMA " + name + " CASCADE" : "DROP DATABASE " + name;
        execute(admin, create);
        return new TestDatabase(this, isolatedUrl(admin, name), () -> execute(admin, drop));
    }

    /** The rule's decision for {@code environment} (variables by name): probes the server it names. */
    Availability availability(Map<String, String> environment) {
        boolean ci = "true".equalsIgnoreCase(environment.get("CI"));
        if (this == H2) {
            return Availability.decide(null, ci);
        }
        String url = serverUrl(environment);
        try {
            connect(url).close();
            return Availability.decide(null, ci);
        } catch (SQLException e) {
            return Availability.decide(
                    product + " not reachable at " + masked(url) + " (" + e.getMessage() + "); set " + variable
                            + " to point elsewhere",
                    ci);
        }
    }

    private String serverUrl(Map<String, String> environment) {
        String configured = variable == null ? null : environment.get(variable);
        return configured == null || configured.isBlank() ? defaultUrl : configured.trim();
    }

    /** PostgreSQL: the same database with {@code currentSchema}; MariaDB: the URL's database replaced. */
    private String isolatedUrl(String admin, String name) {
        if (this == POSTGRESQL) {
            return admin + (admin.contains("?") ? "&" : "?") + "currentSchema=" + name;
        }
        int query = admin.indexOf('?') < 0 ? admin.length() : admin.indexOf('?');
        int path = admin.indexOf('/', admin.indexOf("//") + 2);
        int hostEnd = path < 0 || path > query ? query : path;
        return admin.substring(0, hostEnd) + "/" + name + admin.substring(query);
    }

    static String masked(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1****");
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private void execute(String url, String sql) {
        try (Connection connection = connect(url);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Test database setup failed: " + sql + " on " + masked(url) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Connects with a login timeout in the driver's own property. Not {@link DriverManager#setLoginTimeout}:
     * that one is global, and every HikariCP pool sets it from its own connection timeout (1 s for a pool
     * that waits 250 ms), which a busy machine may not meet.
     */
    private Connection connect(String url) throws SQLException {
        Properties timeout = new Properties();
        switch (this) {
            case POSTGRESQL -> timeout.setProperty("loginTimeout", String.valueOf(LOGIN_TIMEOUT_SECONDS));
            case MARIADB -> timeout.setProperty("connectTimeout", String.valueOf(LOGIN_TIMEOUT_SECONDS * 1000));
            case H2 -> {} // in this JVM: nothing to wait for, and H2 refuses settings it does not know
        }
        return DriverManager.getConnection(url, timeout);
    }

    /**
     * What the rule says about one server: use it, skip its tests, or fail them.
     *
     * @param decision what to do
     * @param reason why the server cannot be used; {@code null} when it can
     */
    record Availability(Decision decision, String reason) {
        enum Decision {
            USE,
            SKIP,
            FAIL
        }

        /** The rule itself: reachable is used; unreachable is skipped, or failed under {@code CI=true}. */
        static Availability decide(String unreachable, boolean ci) {
            if (unreachable == null) {
                return new Availability(Decision.USE, null);
            }
            Availability result = new Availability(ci ? Decision.FAIL : Decision.SKIP, unreachable);
            System.err.println("[mainstay-test] " + unreachable + ": "
                    + (ci
                            ? "CI=true, so its tests fail"
                            : "its tests are skipped; set CI=true to make this a failure"));
            return result;
        }

        void apply() {
            switch (decision) {
                case USE -> {}
                case SKIP -> Assumptions.abort(reason + " - set CI=true to make this a failure");
                case FAIL -> Assertions.fail(reason + " (CI=true, so this is a failure, not a skip)");
            }
        }
    }
}
