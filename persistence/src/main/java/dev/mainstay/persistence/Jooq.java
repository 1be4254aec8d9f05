package dev.mainstay.persistence;

import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import javax.sql.DataSource;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.TransactionProvider;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultExecuteListenerProvider;

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

    /**
     * Starts building the context on a thread of its own. The first context loads several hundred of
     * jOOQ's classes (about 200 ms on a cold JVM), which a second core can do while the caller's thread
     * runs the migrations; {@link #await} takes the result.
     */
    static FutureTask<DSLContext> buildInBackground(
            Vendor vendor, DataSource dataSource, SqlErrors errors, QueryMetrics metrics) {
        FutureTask<DSLContext> task = new FutureTask<>(() -> context(vendor, dataSource, errors, metrics));
        Thread builder = new Thread(task, "mainstay-jooq-init");
        builder.setDaemon(true);
        builder.start();
        return task;
    }

    /** Waits for {@link #buildInBackground}'s context; what the build threw is rethrown as it was. */
    static DSLContext await(FutureTask<DSLContext> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseException("Interrupted while the jOOQ context was being built", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new DatabaseException("Building the jOOQ context failed", e.getCause());
        }
    }

    private static DSLContext context(
            Vendor vendor, DataSource dataSource, SqlErrors errors, QueryMetrics metrics) {
        Transactions transactions = new Transactions(dataSource, errors);
        DefaultConfiguration configuration = new DefaultConfiguration();
        configuration.set(vendor.dialect());
        configuration.set(settings());
        // Thread-bound transactions: inside any transaction, db.dsl() uses the transaction's
        // connection too, and a nested transaction, however it is started, becomes a savepoint.
        configuration.set((ConnectionProvider) transactions);
        configuration.set((TransactionProvider) transactions);
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
