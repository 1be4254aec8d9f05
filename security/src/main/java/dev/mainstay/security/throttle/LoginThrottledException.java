package dev.mainstay.security.throttle;

import dev.mainstay.security.MainstaySecurityException;
import java.time.Duration;
import java.util.Objects;

/**
 * Thrown when too many logins failed for an account or from a client address; the web layer answers
 * 429 with {@code Retry-After}. The message does not say which of the two limits was hit, so it does
 * not reveal whether the account exists or is under attack.
 */
public final class LoginThrottledException extends MainstaySecurityException {
    private static final long serialVersionUID = 1L;

    /** How long until a login may be tried again; part of the serialized form. */
    private final Duration retryAfter;

    /**
     * Creates the exception.
     *
     * @param retryAfter how long until a login may be tried again, not null
     */
    public LoginThrottledException(Duration retryAfter) {
        super("Too many failed logins; try again in " + Math.max(1, retryAfter.toSeconds()) + "s");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /**
     * The time until the window that throttled this login ends; the web layer sends it as {@code Retry-After}.
     *
     * @return the wait given at construction
     */
    public Duration retryAfter() {
        return retryAfter;
    }
}
