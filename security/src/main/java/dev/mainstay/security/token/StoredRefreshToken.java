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
 * @param familyStartedAt when the family's first token was issued (the login), which bounds the
 *     family's absolute lifetime; {@code null} is taken as {@code issuedAt}
 */
public record StoredRefreshToken(
        String tokenHash,
        String familyId,
        String subject,
        Instant issuedAt,
        Instant expiresAt,
        Instant usedAt,
        Instant revokedAt,
        Instant familyStartedAt) {

    /**
     * Checks the required fields; a store must never hold a half-filled row.
     *
     * @param tokenHash base64url SHA-256 of the opaque token
     * @param familyId the rotation chain
     * @param subject the user the token was issued to
     * @param issuedAt when the token was issued
     * @param expiresAt when the token stops being accepted
     * @param usedAt when the token was exchanged, or {@code null}
     * @param revokedAt when the token was revoked, or {@code null}
     * @param familyStartedAt when the family's first token was issued; {@code null} takes {@code issuedAt}
     * @throws NullPointerException if a required field is {@code null}
     */
    public StoredRefreshToken {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (familyStartedAt == null) {
            familyStartedAt = issuedAt; // the first token of a family, or a row stored before the column existed
        }
    }

    /**
     * A token whose family started when it was issued: the first of a family, or a row from a store
     * that does not keep the family's start.
     *
     * @param tokenHash base64url SHA-256 of the opaque token
     * @param familyId the rotation chain
     * @param subject the user
     * @param issuedAt when it was issued, and when its family started
     * @param expiresAt when it stops being accepted
     * @param usedAt when it was exchanged, or null
     * @param revokedAt when it was revoked, or null
     */
    public StoredRefreshToken(
            String tokenHash,
            String familyId,
            String subject,
            Instant issuedAt,
            Instant expiresAt,
            Instant usedAt,
            Instant revokedAt) {
        this(tokenHash, familyId, subject, issuedAt, expiresAt, usedAt, revokedAt, null);
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
