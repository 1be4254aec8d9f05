package dev.mainstay.security.token;

import java.time.Instant;
import java.util.Optional;

/**
 * Persistence of refresh tokens, by hash only; implemented in memory here and over a database in
 * mainstay-persistence.
 *
 * <p>Implementations must be thread-safe and should be shared by every instance of a service, so that
 * rotation and reuse detection hold across instances. Every implementation must pass {@code
 * RefreshTokenStoreContract} from this module's test-jar. Arguments are never null. Instants must be
 * kept to at least millisecond precision.
 */
public interface RefreshTokenStore {

    /**
     * Inserts a newly issued token.
     *
     * @param token the token to insert
     * @throws RuntimeException (any unchecked exception) if a token with the same hash is already
     *     stored; the stored one is left unchanged
     */
    void save(StoredRefreshToken token);

    /**
     * Looks a token up by its hash.
     *
     * @param tokenHash the base64url SHA-256 of the opaque token
     * @return the stored token, or empty when unknown (including after {@link #deleteExpired})
     */
    Optional<StoredRefreshToken> find(String tokenHash);

    /**
     * Marks a token used, atomically: this is the compare-and-set that makes rotation race-safe.
     *
     * @param tokenHash the token's hash
     * @param at the instant of use
     * @return true only if the token existed, was unused and was not revoked; false otherwise, and
     *     then nothing changed
     */
    boolean markUsed(String tokenHash, Instant at);

    /**
     * Exchanges the presented token for the next one of its family, atomically: if the presented token
     * is unused and not revoked, marks it used and saves {@code next}; otherwise revokes the presented
     * token's family (it was reused, or lost a race with another exchange) and saves nothing.
     *
     * <p>Atomic means that a {@link #revokeFamily} running at the same time either sees {@code next}
     * and revokes it too, or runs before and makes this exchange fail: a reuse can never leave the new
     * token alive. A database store does it in one transaction that locks the presented row. This
     * default composes the other methods and re-checks the presented token after saving, which closes
     * the gap in memory but not between separate database statements; a shared store should override it.
     *
     * @param presentedHash the hash of the token the client sent
     * @param next the token to save in its place, in the same family
     * @param at the instant of use
     * @return true if the exchange happened; false if the family was revoked instead
     */
    default boolean exchange(String presentedHash, StoredRefreshToken next, Instant at) {
        if (!markUsed(presentedHash, at)) {
            revokeFamily(next.familyId(), at);
            return false;
        }
        save(next);
        if (find(presentedHash).filter(token -> token.revokedAt() != null).isPresent()) {
            revokeFamily(next.familyId(), at); // a reuse revoked the family between markUsed and save
            return false;
        }
        return true;
    }

    /**
     * Revokes every token of a family that is not revoked yet (reuse detected, or logout of one
     * session).
     *
     * @param familyId the family to revoke
     * @param at the instant of revocation, kept on tokens that were already revoked earlier
     */
    void revokeFamily(String familyId, Instant at);

    /**
     * Revokes every not-yet-revoked token of a subject ("log out everywhere").
     *
     * @param subject the subject whose tokens to revoke
     * @param at the instant of revocation
     */
    void revokeSubject(String subject, Instant at);

    /**
     * Deletes tokens that expired strictly before {@code now}; call it from a periodic job.
     *
     * @param now the current instant
     * @return how many tokens were deleted
     */
    int deleteExpired(Instant now);
}
