package ${package}.http;

import ${package}.PostgresServer;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * A throw-away schema on the {@link PostgresServer} of the tests, so that the suite never touches
 * other tables of that database.
 */
final class PostgresSchema implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String serverUrl;
    private final String name;

    private PostgresSchema(String serverUrl, String name) {
        this.serverUrl = serverUrl;
        this.name = name;
    }

    /** Creates a schema, or skips (fails on CI) when no PostgreSQL is configured. */
    static PostgresSchema create() {
        String url = PostgresServer.requireUrl();
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        String name = "it_" + HexFormat.of().formatHex(random);
        try {
            execute(url, "CREATE SCHEMA " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL at " + PostgresServer.URL_VARIABLE + " is not usable: " + e.getMessage(), e);
        }
        return new PostgresSchema(url, name);
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
