package dev.mainstay.persistence;

import java.time.Duration;

/**
 * The database could not serve in time: no connection within {@code db.pool.connection-timeout}
 * (pool exhausted or server down), a dropped connection, or a statement that ran past {@code
 * db.query-timeout}.
 *
 * <p>A caller should back off and retry after {@link #RETRY_AFTER}; in a Mainstay app it answers
 * {@code 503 Service Unavailable} with {@code Retry-After} and a generic detail, the cause staying in
 * the log.
 */
public class DatabaseUnavailableException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    /** How long a client should wait before retrying: long enough for a pool to drain or a failover. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    /**
     * Creates an exception that explains {@code cause} (may be null) and names the setting involved.
     *
     * @param message why the database cannot serve, naming the setting involved
     * @param cause the failure it explains, or {@code null}
     */
    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
