package dev.mainstay.security.token;

import java.util.Objects;

/**
 * The result of exchanging a valid refresh token: whose it was, and the token that replaces it.
 *
 * @param subject the user the token was issued to; issue the new access token for them
 * @param next the new refresh token, in the same family; the presented one is now used up
 */
public record Rotation(String subject, RefreshToken next) {
    /**
     * Rejects nulls.
     *
     * @param subject the user the presented token was issued to
     * @param next the replacing refresh token
     */
    public Rotation {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(next, "next");
    }
}
