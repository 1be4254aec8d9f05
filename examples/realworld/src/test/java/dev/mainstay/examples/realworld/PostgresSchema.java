package dev.mainstay.examples.realworld;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away PostgreSQL schema for one test class, on the server at {@code MAINSTAY_TEST_POSTGRES_URL}
 * (default {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}).
 *
 * <p>TODO(mainstay-persistence): replace with a public per-server, per-class entry point of
 * {@code dev.mainstay.persistence.testing} (its {@code Server.isolate()} and the skip-or-fail-on-CI check
 * are package-private, and {@code @EveryDatabase} runs each method on all three servers with a schema per
 * method, while this suite needs PostgreSQL alone, as a failsafe *IT, with one schema per class).
 */
final class PostgresSchema {
    private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    private static volatile String unreachable;

    private final String adminUrl;
    private final String name;

    private PostgresSchema(String adminUrl, String name) {
        this.adminUrl = adminUrl;
        this.name = name;
    }

    /**
     * Creates a schema, or returns {@code null} (with the reason on stderr) when PostgreSQL is unreachable.
     *
     * @throws org.opentest4j.AssertionFailedError when PostgreSQL is unreachable and {@code CI=true}
     */
    static PostgresSchema createIfReachable() {
        String env = System.getenv("MAINSTAY_TEST_POSTGRES_URL");
        String adminUrl = env == null || env.isBlank() ? DEFAULT_URL : env.trim();
        PostgresSchema schema = new PostgresSchema(
                adminUrl, "rw_" + UUID.randomUUID().toString().replace("-", ""));
        try {
            DriverManager.setLoginTimeout(3);
            schema.execute("CREATE SCHEMA " + schema.name);
            return schema;
        } catch (SQLException e) {
            unreachable = "PostgreSQL not reachable at " + adminUrl + " (" + e.getMessage() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(unreachable + " (CI=true, so this is a failure, not a skip)");
            }
            System.err.println("[realworld] " + unreachable + ": the PostgreSQL suite is skipped");
            return null;
        }
    }

    /** Skips the calling test, with the reason, when no schema could be created. */
    static void skipIfUnreachable() {
        if (unreachable != null) {
            Assumptions.abort(unreachable + " - set CI=true to make this a failure");
        }
    }

    /** Returns the JDBC URL that selects this schema. */
    String url() {
        return adminUrl + (adminUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    void drop() {
        try {
            execute("DROP SCHEMA " + name + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop test schema " + name, e);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(adminUrl);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
