package dev.mainstay.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import javax.sql.DataSource;
import org.jooq.ConnectionProvider;
import org.jooq.Transaction;
import org.jooq.TransactionContext;
import org.jooq.TransactionProvider;

/**
 * The one transaction mechanism of a {@link Database}: the calling thread's open transaction, shared
 * by every way of starting one.
 *
 * <p>jOOQ keeps the nesting of its own transaction providers in the configuration a transaction was
 * started from, so a transaction started from the root context inside another one did not see it, and
 * committed the shared connection. Here the nesting lives with the thread: whichever context starts a
 * transaction ({@code db.transaction}, {@code db.dsl().transaction} or {@code tx.transaction}), the
 * outermost one takes a connection and owns the commit, and every inner one is a savepoint. As the
 * connection provider, it hands statements the thread's transaction connection, or a pooled one.
 */
final class Transactions implements TransactionProvider, ConnectionProvider {
    private final DataSource dataSource;
    private final SqlErrors errors;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    Transactions(DataSource dataSource, SqlErrors errors) {
        this.dataSource = dataSource;
        this.errors = errors;
    }

    /** The outermost transaction on a thread, or a savepoint in it. */
    private record Level(Connection connection, Savepoint savepoint) implements Transaction {}

    @Override
    public void begin(TransactionContext ctx) {
        Connection open = current.get();
        try {
            if (open != null) {
                ctx.transaction(new Level(open, open.setSavepoint()));
                return;
            }
            Connection connection = acquirePooled();
            try {
                connection.setAutoCommit(false);
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            current.set(connection);
            ctx.transaction(new Level(connection, null));
        } catch (SQLException e) {
            throw errors.translate("Beginning a transaction", e);
        }
    }

    @Override
    public void commit(TransactionContext ctx) {
        Level level = (Level) ctx.transaction();
        try {
            if (level.savepoint() != null) {
                level.connection().releaseSavepoint(level.savepoint());
            } else {
                try {
                    level.connection().commit();
                } finally {
                    end(level.connection());
                }
            }
        } catch (SQLException e) {
            throw errors.translate("Commit", e);
        }
    }

    @Override
    public void rollback(TransactionContext ctx) {
        Level level = (Level) ctx.transaction();
        if (level == null || current.get() != level.connection()) {
            return; // begin failed, or a failed commit already ended it: there is nothing to undo
        }
        try {
            if (level.savepoint() != null) {
                level.connection().rollback(level.savepoint());
            } else {
                try {
                    level.connection().rollback();
                } finally {
                    end(level.connection());
                }
            }
        } catch (SQLException e) {
            throw errors.translate("Rollback", e);
        }
    }

    /**
     * Returns the connection of the calling thread's transaction, or a pooled one; a failure to get one
     * is a {@link DatabaseUnavailableException}.
     */
    @Override
    public Connection acquire() {
        Connection open = current.get();
        if (open != null) {
            return open;
        }
        try {
            return acquirePooled();
        } catch (SQLException e) {
            throw errors.translate("Getting a connection", e);
        }
    }

    /** Returns a pooled connection to the pool; the transaction's stays open until it ends. */
    @Override
    public void release(Connection connection) {
        if (connection == current.get()) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            throw errors.translate("Returning a connection", e);
        }
    }

    private Connection acquirePooled() throws SQLException {
        return dataSource.getConnection();
    }

    /**
     * Hands the connection back to the pool. Not {@code setAutoCommit(true)}: after a failed commit that
     * would commit whatever is left; HikariCP rolls back unfinished work and restores auto-commit itself.
     */
    private void end(Connection connection) throws SQLException {
        current.remove();
        connection.close();
    }
}
