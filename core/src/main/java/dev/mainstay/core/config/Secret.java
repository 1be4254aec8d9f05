package dev.mainstay.core.config;

import java.util.Objects;

/**
 * A configuration value that must never be printed: a password, a signing key, a token.
 *
 * <p>{@link #toString()} is masked, so a secret that reaches a log line or an error message by
 * accident shows as {@code ****}. Read the real value with {@link #reveal()}, and only where it
 * is used.
 *
 * @param value the secret text, never {@code null}
 */
public record Secret(String value) {
    /**
     * Rejects a {@code null} value.
     *
     * @param value the secret text
     * @throws NullPointerException if {@code value} is {@code null}
     */
    public Secret {
        Objects.requireNonNull(value, "value");
    }

    /**
     * Returns the secret text; call it only where the secret is used, never to log it.
     *
     * @return the unmasked value
     */
    public String reveal() {
        return value;
    }

    /** Returns {@code ****}, whatever the value. */
    @Override
    public String toString() {
        return "****";
    }
}
