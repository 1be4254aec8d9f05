package dev.mainstay.security.token;

import java.time.Instant;
import java.util.Objects;

/**
 * A newly issued refresh token: the opaque value for the client, its family and its expiry.
 *
 * <p>Only the client ever holds the value; the store keeps its SHA-256. {@link #toString()} hides
 * the value.
 *
 * @param value 256 random bits, base64url without padding (43 characters)
 * @param familyId the rotation chain this token starts or continues
 * @param expiresAt when it stops being accepted
 */
public record RefreshToken(String value, String familyId, Instant expiresAt) {
    /**
     * Rejects nulls.
     *
     * @param value the opaque token for the client
     * @param familyId the rotation chain it belongs to
     * @param expiresAt when it stops being accepted
     */
    public RefreshToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Returns the family and expiry; never the value. */
    @Override
    public String toString() {
        return "RefreshToken[value=****, familyId=" + familyId + ", expiresAt=" + expiresAt + "]";
    }
}
