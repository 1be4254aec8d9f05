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
    private static final Logger LOG = LoggerFactory.getLogger(RefreshTokens.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final RefreshTokenStore store;
    private final Duration ttl;
    private final Duration absoluteTtl;
    private final Clock clock;

    private RefreshTokens(RefreshTokenStore store, Duration ttl, Duration absoluteTtl, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        RefreshConfig checked = new RefreshConfig(ttl, absoluteTtl, RefreshConfig.CLEANUP_INTERVAL.defaultValue());
        this.ttl = checked.ttl();
        this.absoluteTtl = checked.absoluteTtl();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Returns a refresh-token service over {@code store}, on the system clock, whose sessions last at
     * most {@link RefreshConfig#ABSOLUTE_TTL}'s default (30 days), or {@code ttl} if that is longer.
     *
     * @param store where token hashes live; share it between instances
     * @param ttl how long each token lives, in the range of {@link RefreshConfig#TTL}
     * @return the service
     */
    public static RefreshTokens create(RefreshTokenStore store, Duration ttl) {
        return create(store, ttl, Clock.systemUTC());
    }

    /**
     * Returns a refresh-token service over {@code store} with the lifetimes of {@code config}.
     *
     * @param store where token hashes live; share it between instances
     * @param config the token and session lifetimes
     * @return the service
     */
    public static RefreshTokens create(RefreshTokenStore store, RefreshConfig config) {
        return create(store, config.ttl(), config.absoluteTtl(), Clock.systemUTC());
    }

    /**
     * Returns a refresh-token service with both lifetimes, on a given clock (tests move it forward).
     *
     * @param store where token hashes live
     * @param ttl how long each token lives
     * @param absoluteTtl how long a family lives from its login, however often it is rotated; at least {@code ttl}
     * @param clock the clock
     * @return the service
     */
    public static RefreshTokens create(RefreshTokenStore store, Duration ttl, Duration absoluteTtl, Clock clock) {
        return new RefreshTokens(store, ttl, absoluteTtl, clock);
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
        Duration absolute = ttl == null ? null : max(RefreshConfig.ABSOLUTE_TTL.defaultValue(), ttl);
        return new RefreshTokens(store, ttl, absolute, clock);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
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
        Instant now = now();
        return save(subject, UUID.randomUUID().toString(), now);
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
        if (token.usedAt() != null) {
            return reuseDetected(token, now);
        }
        // Mark-used, save and (on a lost race) revoke happen in one atomic step of the store, so a
        // reuse revoking the family at the same time cannot miss the new token.
        String value = newValue();
        StoredRefreshToken next = stored(value, token.subject(), token.familyId(), token.familyStartedAt(), now);
        if (!store.exchange(token.tokenHash(), next, now)) {
            LOG.warn(
                    "Refresh token reuse detected for subject {}; revoked its family {}",
                    token.subject(),
                    token.familyId());
            return Optional.empty();
        }
        return Optional.of(new Rotation(token.subject(), new RefreshToken(value, token.familyId(), next.expiresAt())));
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
     * <p>Use it only where whoever presents the token may end its session (e.g. a client that lost
     * its access token). When the caller is known, {@link #revokeOwn} is the safer choice.
     *
     * @param presented the token the client sent, may be null
     */
    public void revoke(String presented) {
        lookUp(presented).ifPresent(token -> store.revokeFamily(token.familyId(), now()));
    }

    /**
     * Logs out one session of {@code subject}: revokes the family of the presented token only if it
     * was issued to {@code subject}. A token of someone else, or an unknown one, is left alone, and
     * the caller cannot tell these cases apart from a successful logout.
     *
     * @param subject the authenticated caller (the access token's {@code sub}), not null
     * @param presented the refresh token the caller sent, may be null
     * @return whether a session of {@code subject} was revoked (for logging; do not show it to the caller)
     */
    public boolean revokeOwn(String subject, String presented) {
        Objects.requireNonNull(subject, "subject");
        Optional<StoredRefreshToken> own = lookUp(presented).filter(token -> token.subject().equals(subject));
        own.ifPresent(token -> store.revokeFamily(token.familyId(), now()));
        return own.isPresent();
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
     * The hash under which a token is stored: base64url (no padding) of its SHA-256, 43 characters.
     * Package-private: stores and apps never need the scheme, only this class hashes.
     */
    static String hash(String token) {
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

    private RefreshToken save(String subject, String familyId, Instant now) {
        String value = newValue();
        StoredRefreshToken token = stored(value, subject, familyId, now, now);
        store.save(token);
        return new RefreshToken(value, familyId, token.expiresAt());
    }

    /** A new token of the family: it expires after the ttl, but never after the family's absolute end. */
    private StoredRefreshToken stored(String value, String subject, String familyId, Instant familyStart, Instant now) {
        Instant expiresAt = now.plus(ttl);
        Instant familyEnd = familyStart.plus(absoluteTtl);
        return new StoredRefreshToken(
                hash(value),
                familyId,
                subject,
                now,
                expiresAt.isAfter(familyEnd) ? familyEnd : expiresAt,
                null,
                null,
                familyStart);
    }

    private static String newValue() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS); // the precision every store keeps
    }
}
