package dev.mainstay.security.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues, rotates and revokes opaque refresh tokens, keeping only their hashes in a
 * {@link RefreshTokenStore}.
 *
 * <p>Every exchange ({@link #rotate}) uses the presented token up and returns a new one in the same
 * family. Presenting a used token again means it was copied: the whole family is revoked, so both the
 * thief and the user must log in again (OAuth 2.0 Security BCP, section 4.14). Two exchanges of one
 * token racing each other count as reuse too; the store's compare-and-set decides which came first.
 * Thread-safe if the store is.
 */
public final class RefreshTokens {
    /** The default lifetime of a refresh token; each rotation starts a new one. */
    public static final Duration DEFAULT_TTL = Duration.ofDays(14);

    private static final Logger LOG = LoggerFactory.getLogger(RefreshTokens.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final RefreshTokenStore store;
    private final Duration ttl;
    private final Clock clock;

    private RefreshTokens(RefreshTokenStore store, Duration ttl, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (ttl.compareTo(Duration.ofMinutes(1)) < 0 || ttl.compareTo(Duration.ofDays(365)) > 0) {
            throw new IllegalArgumentException("security.refresh.ttl must be from 1 minute to 365 days, not " + ttl);
        }
    }

    /**
     * Returns a refresh-token service over {@code store}, on the system clock.
     *
     * @param store where token hashes live; share it between instances
     * @param ttl how long each token lives, 1 minute to 365 days
     * @return the service
     */
    public static RefreshTokens create(RefreshTokenStore store, Duration ttl) {
        return create(store, ttl, Clock.systemUTC());
    }

    /**
     * Returns a refresh-token service on a given clock (tests move it forward).
     *
     * @param store where token hashes live
     * @param ttl how long each token lives
     * @param clock the clock
     * @return the service
     */
    public static RefreshTokens create(RefreshTokenStore store, Duration ttl, Clock clock) {
        return new RefreshTokens(store, ttl, clock);
    }

    /**
     * Issues the first refresh token of a new family, at login.
     *
     * @param subject the user's stable id, not blank
     * @return the token to hand to the client
     */
    public RefreshToken issue(String subject) {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("A refresh token needs a non-blank subject");
        }
        return save(subject, UUID.randomUUID().toString());
    }

    /**
     * Exchanges a refresh token for a new one (and tells whose it was).
     *
     * @param presented the token the client sent, may be null
     * @return the rotation, or empty if the token is unknown, expired, revoked or already used (in the
     *     last case the whole family is revoked)
     */
    public Optional<Rotation> rotate(String presented) {
        Optional<StoredRefreshToken> found = lookUp(presented);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StoredRefreshToken token = found.get();
        Instant now = now();
        if (token.revokedAt() != null || !now.isBefore(token.expiresAt())) {
            return Optional.empty();
        }
        if (token.usedAt() != null || !store.markUsed(token.tokenHash(), now)) {
            return reuseDetected(token, now);
        }
        RefreshToken next = save(token.subject(), token.familyId());
        // A racing reuse may have revoked the family between markUsed and save, missing `next`.
        // Re-reading the used token closes that gap: if it is revoked now, so is the family.
        if (store.find(token.tokenHash())
                .filter(stored -> stored.revokedAt() != null)
                .isPresent()) {
            return reuseDetected(token, now);
        }
        return Optional.of(new Rotation(token.subject(), next));
    }

    private Optional<Rotation> reuseDetected(StoredRefreshToken token, Instant now) {
        LOG.warn(
                "Refresh token reuse detected for subject {}; revoking its family {}",
                token.subject(),
                token.familyId());
        store.revokeFamily(token.familyId(), now);
        return Optional.empty();
    }

    /**
     * Logs out one session: revokes the family of the presented token. Unknown tokens are ignored.
     *
     * @param presented the token the client sent, may be null
     */
    public void revoke(String presented) {
        lookUp(presented).ifPresent(token -> store.revokeFamily(token.familyId(), now()));
    }

    /**
     * Logs a user out everywhere: revokes every refresh token of {@code subject} (e.g. after a
     * password change or when the account is disabled).
     *
     * @param subject the user's stable id
     */
    public void revokeAll(String subject) {
        store.revokeSubject(Objects.requireNonNull(subject, "subject"), now());
    }

    /**
     * Returns the hash under which a token is stored: base64url (no padding) of its SHA-256.
     *
     * @param token the opaque token value
     * @return the 43-character hash
     */
    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private Optional<StoredRefreshToken> lookUp(String presented) {
        // Anything that is not exactly the shape we issue is refused without a store round trip.
        if (presented == null || !SHAPE.matcher(presented).matches()) {
            return Optional.empty();
        }
        return store.find(hash(presented));
    }

    private RefreshToken save(String subject, String familyId) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = now();
        Instant expiresAt = now.plus(ttl);
        store.save(new StoredRefreshToken(hash(value), familyId, subject, now, expiresAt, null, null));
        return new RefreshToken(value, familyId, expiresAt);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS); // the precision every store keeps
    }
}
