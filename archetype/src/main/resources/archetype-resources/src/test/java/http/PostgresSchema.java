package ${package}.http;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away schema on the PostgreSQL server named by {@code MAINSTAY_TEST_POSTGRES_URL}, so that
 * the suite never touches other tables of that database.
 *
 * <p>Without the variable the suite is skipped, with a message that says how to run it; with
 * {@code CI=true} that is a failure instead, so that a CI run cannot pass without its database.
 */
final class PostgresSchema implements AutoCloseable {
    static final String URL_VARIABLE = "MAINSTAY_TEST_POSTGRES_URL";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String serverUrl;
    private final String name;

    private PostgresSchema(String serverUrl, String name) {
        this.serverUrl = serverUrl;
        this.name = name;
    }

    /** Creates a schema, or skips (fails on CI) when no PostgreSQL is configured or reachable. */
    static PostgresSchema create() {
        String url = System.getenv(URL_VARIABLE);
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (url == null || url.isBlank()) {
            String reason = URL_VARIABLE + " is not set, e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
            if (ci) {
                throw new IllegalStateException("CI=true needs PostgreSQL: " + reason);
            }
            System.err.println("[PostgresApiIT] skipped: " + reason);
            Assumptions.abort(reason);
        }
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        String name = "it_" + HexFormat.of().formatHex(random);
        try {
            execute(url.trim(), "CREATE SCHEMA " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + URL_VARIABLE + " is not usable: " + e.getMessage(), e);
        }
        return new PostgresSchema(url.trim(), name);
    }

    /** Returns the JDBC URL of the schema: the server's URL with {@code currentSchema}. */
    String url() {
        return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    @Override
    public void close() {
        try {
            execute(serverUrl, "DROP SCHEMA " + name + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop the test schema " + name + ": " + e.getMessage(), e);
        }
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
