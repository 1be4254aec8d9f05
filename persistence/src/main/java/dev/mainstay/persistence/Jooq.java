package dev.mainstay.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.jooq.impl.ThreadLocalTransactionProvider;

/**
 * Builds the one {@link DSLContext} of a {@link Database}: created once and shared, so the read path
 * pays for jOOQ itself and nothing else.
 */
final class Jooq {
    static {
        // jOOQ logs a banner and a "tip of the day" on first use; a service's log is no place for them.
        quietDefault("org.jooq.no-logo");
        quietDefault("org.jooq.no-tips");
    }

    private Jooq() {}

    static DSLContext context(Vendor vendor, DataSource dataSource, SqlErrors errors, QueryMetrics metrics) {
        ConnectionProvider connections = new Connections(dataSource, errors);
        DefaultConfiguration configuration = new DefaultConfiguration();
        configuration.set(vendor.dialect());
        configuration.set(settings());
        configuration.set(connections);
        // Thread-bound transactions: inside Database.transaction, db.dsl() uses the transaction's
        // connection too, and a nested call becomes a savepoint.
        configuration.set(new ThreadLocalTransactionProvider(connections, true));
        configuration.set(new DefaultExecuteListenerProvider(new TranslateErrors(errors)), metrics);
        return DSL.using(configuration);
    }

    private static Settings settings() {
        return new Settings()
                // Unquoted names fold to each database's own case (H2 upper, PostgreSQL lower), so the
                // same generated classes work on all three. Do not name tables with reserved words.
                .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED)
                // A DEBUG logger and a getWarnings() round trip per statement cost more than they tell.
                .withExecuteLogging(false)
                .withFetchWarnings(false);
    }

    private static void quietDefault(String property) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, "true");
        }
    }

    /** Hands out pooled connections; a failure to get one becomes a {@link DatabaseUnavailableException}. */
    private record Connections(DataSource dataSource, SqlErrors errors) implements ConnectionProvider {
        @Override
        public Connection acquire() {
            try {
                return dataSource.getConnection();
            } catch (SQLException e) {
                throw errors.translate("Getting a connection", e);
            }
        }

        @Override
        public void release(Connection connection) {
            try {
                connection.close();
            } catch (SQLException e) {
                throw errors.translate("Returning a connection", e);
            }
        }
    }

    /** Replaces jOOQ's exception for a failed statement with one of the {@link DatabaseException} family. */
    private static final class TranslateErrors implements ExecuteListener {
        private static final long serialVersionUID = 1L;

        private final transient SqlErrors errors;

        TranslateErrors(SqlErrors errors) {
            this.errors = errors;
        }

        @Override
        public void exception(ExecuteContext ctx) {
            SQLException sql = ctx.sqlException();
            if (sql != null) {
                ctx.exception(errors.translate("Statement", sql, ctx.exception()));
            }
        }
    }
}
