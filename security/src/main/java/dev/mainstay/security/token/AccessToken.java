package dev.mainstay.security.token;

import java.time.Instant;
import java.util.Objects;

/**
 * A newly issued access token (a signed JWT) and when it expires.
 *
 * <p>{@link #toString()} hides the token, so a token logged by accident shows as {@code ****}.
 *
 * @param value the compact JWT to hand to the client
 * @param expiresAt when it stops being accepted (whole seconds, as in its {@code exp})
 */
public record AccessToken(String value, Instant expiresAt) {
    /**
     * Rejects nulls.
     *
     * @param value the compact JWT
     * @param expiresAt when it stops being accepted
     */
    public AccessToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Returns the expiry only; never the token. */
    @Override
    public String toString() {
        return "AccessToken[value=****, expiresAt=" + expiresAt + "]";
    }
}
