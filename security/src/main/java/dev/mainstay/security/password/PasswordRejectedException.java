package dev.mainstay.security.password;

import dev.mainstay.security.MainstaySecurityException;
import java.util.Objects;

/**
 * Thrown when a password cannot be used as given: missing, too short, too long, too common or not text.
 *
 * <p>It is about the input, never about whether the password is right, so the web layer answers 422
 * naming the password field. The message is fit to show to the user and never contains the password.
 */
public final class PasswordRejectedException extends MainstaySecurityException {
    private static final long serialVersionUID = 1L;

    /** Why a password was rejected. */
    public enum Reason {
        /** No password was given ({@code null}). */
        MISSING,
        /** Fewer characters than the policy's minimum. */
        TOO_SHORT,
        /** More than 72 bytes in UTF-8, which bcrypt would silently truncate. */
        TOO_LONG,
        /** On the bundled list of common passwords. */
        TOO_COMMON,
        /**
         * Holds half of a UTF-16 surrogate pair, which is not a character: UTF-8 encodes it as {@code ?},
         * so different passwords would hash alike.
         */
        NOT_TEXT
    }

    /** Which rule the password broke; part of the serialized form. */
    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param reason why the password was rejected, not null
     * @param message the rule it broke, phrased to follow a field name, e.g. "must be at least 12 characters"
     */
    public PasswordRejectedException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Tells which rule the password broke, for apps that word the answer themselves.
     *
     * @return the reason, never null
     */
    public Reason reason() {
        return reason;
    }
}
