package dev.mainstay.persistence;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

/**
 * Turns a {@link SQLException} into the {@link DatabaseException} family, the same way on H2,
 * PostgreSQL and MariaDB/MySQL.
 *
 * <p>It reads the SQLState first (standard across vendors) and the vendor's error code only where
 * MariaDB/MySQL share one SQLState among several errors. Stateless and thread-safe.
 */
final class SqlErrors {
    /** MariaDB/MySQL report every integrity violation as 23000; these codes are the duplicate-key ones. */
    private static final int ER_DUP_ENTRY = 1062;

    private static final int ER_DUP_ENTRY_WITH_KEY_NAME = 1586;
    /** MariaDB's max_statement_time and MySQL's max_execution_time. */
    private static final int ER_STATEMENT_TIMEOUT = 1969;

    private static final int ER_QUERY_TIMEOUT = 3024;
    /** H2's "IO Exception": in client/server mode, the server went away mid-request. */
    private static final String H2_IO_EXCEPTION = "90028";

    private final Duration connectionTimeout;
    private final Duration queryTimeout;

    SqlErrors(Duration connectionTimeout, Duration queryTimeout) {
        this.connectionTimeout = connectionTimeout;
        this.queryTimeout = queryTimeout;
    }

    /** Returns the exception to throw for {@code e}; {@code action} says what was being done. */
    DatabaseException translate(String action, SQLException e) {
        return translate(action, e, e);
    }

    /**
     * Returns the exception to throw for {@code e}, with {@code cause} as its cause (jOOQ's exception,
     * which also names the SQL, or {@code e} itself).
     */
    DatabaseException translate(String action, SQLException e, Throwable cause) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (isUniqueViolation(state, e.getErrorCode())) {
            return new UniqueViolationException(
                    action + " violated a unique constraint (SQLState " + state + "): " + e.getMessage(),
                    e.getMessage(),
                    cause);
        }
        if (isStatementTimeout(state, e)) {
            return new DatabaseUnavailableException(
                    action + " ran longer than db.query-timeout (" + queryTimeout.toMillis() + "ms) and was cancelled;"
                            + " make the query faster or raise db.query-timeout: " + e.getMessage(),
                    cause);
        }
        if (e instanceof SQLTransientConnectionException) {
            return new DatabaseUnavailableException(
                    action + " got no connection within db.pool.connection-timeout (" + connectionTimeout.toMillis()
                            + "ms): the pool is exhausted (raise db.pool.max-size or shorten transactions)"
                            + " or the database is down: " + e.getMessage(),
                    cause);
        }
        if (state.startsWith("22")) { // data exception: the same class on every vendor
            return new InvalidDataException(
                    action + " refused a value (SQLState " + state + "): " + e.getMessage(), cause);
        }
        if (isConnectionLoss(state, e)) {
            return new DatabaseUnavailableException(
                    action + " lost the database connection (SQLState " + state + "): " + e.getMessage(), cause);
        }
        return new DatabaseException(action + " failed (SQLState " + state + "): " + e.getMessage(), cause);
    }

    private static boolean isUniqueViolation(String state, int code) {
        return state.equals("23505")
                || (state.equals("23000") && (code == ER_DUP_ENTRY || code == ER_DUP_ENTRY_WITH_KEY_NAME));
    }

    private static boolean isStatementTimeout(String state, SQLException e) {
        int code = e.getErrorCode();
        return e instanceof SQLTimeoutException
                || state.equals("57014") // PostgreSQL and H2: statement cancelled
                || state.equals("70100") // MariaDB: query interrupted
                || code == ER_STATEMENT_TIMEOUT
                || code == ER_QUERY_TIMEOUT;
    }

    private static boolean isConnectionLoss(String state, SQLException e) {
        // JDBC's own classes first (H2 uses vendor SQLStates such as 90067 for a broken connection, and
        // 90028 when its TCP server drops the socket mid-request); then 08: connection exception;
        // 53: insufficient resources (too many connections); 57P0x: PostgreSQL shutting down or starting up.
        return e instanceof SQLNonTransientConnectionException
                || e instanceof SQLRecoverableException
                || state.equals(H2_IO_EXCEPTION)
                || state.startsWith("08")
                || state.startsWith("53")
                || state.startsWith("57P0");
    }
}
