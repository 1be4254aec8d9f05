package dev.mainstay.security.token;

import java.time.Instant;
import java.util.Objects;

/**
 * A refresh token as stored: never the token itself, only its hash.
 *
 * <p>A family is the chain of tokens produced by rotating one login's refresh token; reuse of any
 * used member revokes the whole family. All fields except {@code usedAt} and {@code revokedAt} are
 * required.
 *
 * @param tokenHash base64url SHA-256 of the opaque token, the primary key
 * @param familyId the rotation chain this token belongs to
 * @param subject the user the token was issued to
 * @param issuedAt when the token was issued
 * @param expiresAt when the token stops being accepted
 * @param usedAt when the token was exchanged, or {@code null} while unused
 * @param revokedAt when the token (or its family or subject) was revoked, or {@code null}
 */
public record StoredRefreshToken(
        String tokenHash,
        String familyId,
        String subject,
        Instant issuedAt,
        Instant expiresAt,
        Instant usedAt,
        Instant revokedAt) {

    /** Checks the required fields; a store must never hold a half-filled row. */
    public StoredRefreshToken {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /**
     * Tells whether this token may still be exchanged at {@code now}.
     *
     * @param now the current instant, not null
     * @return true when unused, not revoked and not expired
     */
    public boolean isActive(Instant now) {
        return usedAt == null && revokedAt == null && now.isBefore(expiresAt);
    }
}
