package dev.mainstay.persistence;

import dev.mainstay.core.problem.Problem;
import dev.mainstay.core.problem.ProblemSource;

/**
 * The database could not serve in time: no connection within {@code db.pool.connection-timeout}
 * (pool exhausted or server down), a dropped connection, or a statement that ran past {@code
 * db.query-timeout}.
 *
 * <p>It answers {@code 503 Service Unavailable} with {@code Retry-After}, so that a client backs off
 * instead of the request hanging. The problem's detail is generic: the cause stays in the log.
 */
public class DatabaseUnavailableException extends DatabaseException implements ProblemSource {
    private static final long serialVersionUID = 1L;

    /** Seconds a client is asked to wait before retrying; long enough for a pool to drain or a failover. */
    static final int RETRY_AFTER_SECONDS = 5;

    private static final Problem PROBLEM = Problem.of(503, "Service Unavailable")
            .withDetail("The database is not available at the moment. Try again later.")
            .withHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));

    /** Creates an exception that explains {@code cause} and names the setting involved. */
    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Returns 503 with {@code Retry-After: 5}. */
    @Override
    public Problem problem() {
        return PROBLEM;
    }
}
