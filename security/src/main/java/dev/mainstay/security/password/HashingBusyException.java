package dev.mainstay.security.password;

import dev.mainstay.security.MainstaySecurityException;
import java.time.Duration;
import java.util.Objects;

/**
 * Thrown when every hashing slot is busy and the wait queue is full or timed out.
 *
 * <p>It protects the rest of the service from a login flood: the web layer answers 503 with a
 * {@code Retry-After} header of {@link #retryAfter()} rounded up to whole seconds.
 */
public final class HashingBusyException extends MainstaySecurityException {
    private static final long serialVersionUID = 1L;

    /** How long the client should wait; part of the serialized form. */
    private final Duration retryAfter;

    /**
     * Creates the exception.
     *
     * @param retryAfter how long the client should wait before trying again, not null
     */
    public HashingBusyException(Duration retryAfter) {
        super("Password hashing is at capacity; retry after " + retryAfter.toSeconds() + "s");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /**
     * The wait for the client before it tries again; the web layer sends it as {@code Retry-After}.
     *
     * @return the wait given at construction
     */
    public Duration retryAfter() {
        return retryAfter;
    }
}
