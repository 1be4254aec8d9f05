package dev.mainstay.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Readiness of a {@link Database}: start-up finished, a connection can be had, and it answers a
 * trivial query quickly. Plain JDBC, so that probes do not show up in the {@code db.query} timer.
 */
final class DatabaseHealth {
    private static final int QUERY_TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;
    private final Startup startup;
    private final SqlErrors errors;

    DatabaseHealth(DataSource dataSource, Startup startup, SqlErrors errors) {
        this.dataSource = dataSource;
        this.startup = startup;
        this.errors = errors;
    }

    /** Probes once; throws a {@link DatabaseUnavailableException} (or another {@link DatabaseException}). */
    void check() {
        String notReady = startup.notReadyReason();
        if (notReady != null) {
            throw new DatabaseUnavailableException("Database not ready: " + notReady, null);
        }
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            statement.execute("SELECT 1");
        } catch (SQLException e) {
            throw errors.translate("Health check", e);
        }
    }
}
