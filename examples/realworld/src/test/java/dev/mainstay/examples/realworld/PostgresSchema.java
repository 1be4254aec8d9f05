package dev.mainstay.examples.realworld;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A throw-away PostgreSQL schema for one test class, on the server at {@code MAINSTAY_TEST_POSTGRES_URL}
 * (default {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}). Register it in the class:
 * <pre>{@code
 * @RegisterExtension
 * static final PostgresSchema SCHEMA = new PostgresSchema();
 * }</pre>
 * It creates the schema before the first test and drops it after the last. When PostgreSQL cannot be
 * reached, every test is skipped with the reason, unless {@code CI=true}: then the class fails.
 *
 * <p>TODO(mainstay-persistence): replace with a public per-server, per-class entry point of
 * {@code dev.mainstay.persistence.testing} (its {@code Server.isolate()} and the skip-or-fail-on-CI check
 * are package-private, and {@code @EveryDatabase} runs each method on all three servers with a schema per
 * method, while these suites need PostgreSQL alone, as failsafe *ITs, with one schema per class).
 */
final class PostgresSchema implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
    private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private final String adminUrl;
    private final String name = "rw_" + UUID.randomUUID().toString().replace("-", "");
    private String unreachable;

    PostgresSchema() {
        String env = System.getenv("MAINSTAY_TEST_POSTGRES_URL");
        this.adminUrl = env == null || env.isBlank() ? DEFAULT_URL : env.trim();
    }

    /** Returns the JDBC URL that selects this schema. */
    String url() {
        return adminUrl + (adminUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        try {
            DriverManager.setLoginTimeout(3);
            execute("CREATE SCHEMA " + name);
        } catch (SQLException e) {
            unreachable = "PostgreSQL not reachable at " + adminUrl + " (" + e.getMessage() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(unreachable + " (CI=true, so this is a failure, not a skip)");
            }
            System.err.println("[realworld] " + unreachable + ": " + context.getDisplayName() + " is skipped");
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Assumptions.assumeTrue(unreachable == null, () -> unreachable + " - set CI=true to make this a failure");
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        if (unreachable == null) {
            execute("DROP SCHEMA " + name + " CASCADE");
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(adminUrl);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
