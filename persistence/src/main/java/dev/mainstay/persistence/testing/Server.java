package dev.mainstay.persistence.testing;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A database server the tests run on, and how to carve an isolated, throw-away schema out of it.
 *
 * <p>PostgreSQL gets a schema per test (selected with {@code currentSchema} in the URL), MariaDB a
 * database per test, H2 a new in-memory database. Whether a server is reachable is checked once per
 * JVM, and an unreachable one is announced once on stderr so that skipped runs are visible in a build.
 */
enum Server {
    H2("h2", "H2", null, "jdbc:h2:mem:"),
    POSTGRESQL(
            "postgresql",
            "PostgreSQL",
            "MAINSTAY_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"),
    MARIADB("mariadb", "MariaDB", "MAINSTAY_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test?user=root");

    private static final Map<Server, String> UNREACHABLE = new ConcurrentHashMap<>();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int LOGIN_TIMEOUT_SECONDS = 3;

    private final String id;
    private final String product;
    private final String env;
    private final String defaultUrl;

    Server(String id, String product, String env, String defaultUrl) {
        this.id = id;
        this.product = product;
        this.env = env;
        this.defaultUrl = defaultUrl;
    }

    static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    String id() {
        return id;
    }

    /** Returns why this server cannot be used, or {@code null} when it can. */
    String unreachableReason() {
        if (this == H2) {
            return null;
        }
        String reason = UNREACHABLE.computeIfAbsent(this, server -> server.probe());
        return reason.isEmpty() ? null : reason;
    }

    private String probe() {
        try {
            connectAdmin().close();
            return "";
        } catch (SQLException e) {
            String url = adminUrl().replaceAll("(?i)(password=)[^&;]*", "$1****");
            String reason = product + " not reachable at " + url + " (" + e.getMessage() + ")";
            System.err.println("[mainstay-testing] " + reason + ": its tests are skipped; set " + env
                    + " to point elsewhere, or CI=true to make this a failure");
            return reason;
        }
    }

    /** Creates a fresh schema (or database) and returns the handle a test uses. */
    TestDatabase isolate() {
        String name = "mst_" + HexFormat.of().formatHex(bytes());
        if (this == H2) {
            String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
            return new TestDatabase(id, url, () -> execute(url, "SHUTDOWN"));
        }
        String admin = adminUrl();
        String create = this == POSTGRESQL ? "CREATE SCHEMA " + name : "CREATE DATABASE " + name;
        String drop = this == POSTGRESQL ? "DROP SCHEMA " + name + " CASCADE" : "DROP DATABASE " + name;
        execute(admin, create);
        return new TestDatabase(id, isolatedUrl(admin, name), () -> execute(admin, drop));
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

    private static byte[] bytes() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private String adminUrl() {
        String configured = env == null ? null : System.getenv(env);
        return configured == null || configured.isBlank() ? defaultUrl : configured.trim();
    }

    private Connection connectAdmin() throws SQLException {
        DriverManager.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
        return DriverManager.getConnection(adminUrl());
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test database setup failed: " + sql + ": " + e.getMessage(), e);
        }
    }
}
