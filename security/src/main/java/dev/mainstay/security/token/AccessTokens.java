package dev.mainstay.security.token;

import dev.mainstay.security.Principal;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues and verifies short-lived access tokens: JWTs signed with the current key of a fixed table.
 *
 * <p>Verification follows RFC 8725: the algorithm is pinned per {@code kid}; {@code typ} must be
 * {@value #TYPE}; {@code exp}, {@code iss}, {@code aud} and {@code sub} are required; clock skew is
 * bounded; only the canonical compact form is read. An invalid token is a normal outcome
 * ({@code Optional.empty()}), logged at debug level by failure kind only, never with the token.
 *
 * <p>Create one per application with {@link #create(JwtConfig)}. Immutable and thread-safe.
 */
public final class AccessTokens {
    /** The {@code typ} header of access tokens (RFC 9068), so no other JWT passes as one. */
    public static final String TYPE = "at+jwt";
    /** The claim that carries the principal's roles, as a JSON array of strings. */
    public static final String ROLES_CLAIM = "roles";

    private static final Logger LOG = LoggerFactory.getLogger(AccessTokens.class);

    private final JwtConfig config;
    private final Clock clock;
    private final JwsVerifier verifier;
    private final VerifiedTokenCache cache;
    private final TokenRevocations revocations;

    private AccessTokens(JwtConfig config, Clock clock, TokenRevocations revocations) {
        this.config = config;
        this.clock = clock;
        this.revocations = revocations;
        List<JwtKey> keys = new ArrayList<>(List.of(config.currentKey()));
        keys.addAll(config.previousKeys());
        this.verifier = new JwsVerifier(
                keys,
                TYPE,
                builder -> builder.requireIssuer(config.issuer())
                        .requireAudience(config.audience())
                        .clockSkewSeconds(config.clockSkew().toSeconds())
                        .clock(() -> Date.from(clock.instant())));
        this.cache = config.cacheSize() == 0
                ? null
                : new VerifiedTokenCache(config.cacheSize(), config.cacheTtl().toMillis());
    }

    /**
     * Returns the token service for {@code config}, on the system clock.
     *
     * @param config the settings, not null
     * @return a thread-safe service
     */
    public static AccessTokens create(JwtConfig config) {
        return create(config, Clock.systemUTC());
    }

    /**
     * Returns the token service for {@code config} on a given clock (tests move it forward).
     *
     * @param config the settings, not null
     * @param clock the clock for {@code iat}, {@code exp} and their checks, not null
     * @return a thread-safe service
     */
    public static AccessTokens create(JwtConfig config, Clock clock) {
        return create(config, clock, TokenRevocations.NONE);
    }

    /**
     * Returns the token service for {@code config}, refusing tokens issued before the subject's
     * {@link TokenRevocations#tokensValidAfter} instant (checked on every verification, cached tokens
     * included).
     *
     * @param config the settings, not null
     * @param clock the clock for {@code iat}, {@code exp} and their checks, not null
     * @param revocations the app's per-subject validity, not null ({@link TokenRevocations#NONE} for none)
     * @return a thread-safe service
     */
    public static AccessTokens create(JwtConfig config, Clock clock, TokenRevocations revocations) {
        return new AccessTokens(
                Objects.requireNonNull(config, "config"),
                Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(revocations, "revocations"));
    }

    /**
     * Issues an access token for {@code subject} with {@code roles}, signed with the current key.
     *
     * @param subject the user's stable id (not an e-mail that may change), not blank
     * @param roles the roles to grant, possibly empty
     * @return the token and its expiry
     */
    public AccessToken issue(String subject, Collection<String> roles) {
        Principal principal = new Principal(subject, Set.copyOf(roles)); // validates both
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(config.accessTtl());
        JwtKey key = config.currentKey();
        String token = Jwts.builder()
                .header()
                .type(TYPE)
                .keyId(key.kid())
                .and()
                .issuer(config.issuer())
                .audience()
                .add(config.audience())
                .and()
                .subject(principal.subject())
                .issuedAt(Date.from(now))
                .expiration(Date.from(expiresAt))
                .id(UUID.randomUUID().toString())
                .claim(ROLES_CLAIM, List.copyOf(new TreeSet<>(principal.roles())))
                .signWith(key.signingKey(), key.algorithm().jjwt())
                .compact();
        return new AccessToken(token, expiresAt);
    }

    /**
     * Verifies an access token and returns who it was issued to.
     *
     * @param token the compact JWT as received, may be null
     * @return the principal, or empty if the token is missing, malformed, expired, not ours, tampered,
     *     or issued before its subject's {@link TokenRevocations#tokensValidAfter} instant
     */
    public Optional<Principal> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        long now = clock.millis();
        VerifiedTokenCache.Entry cached = cache == null ? null : cache.get(token, now);
        if (cached != null) {
            return stillValid(cached.principal(), cached.issuedAtSeconds());
        }
        try {
            Claims claims = verifier.claims(token).getPayload();
            Principal principal = principalOf(claims);
            // A token without iat cannot be compared with a revocation: 0 refuses it once one exists.
            long issuedAt = claims.getIssuedAt() == null ? 0 : claims.getIssuedAt().getTime() / 1000;
            if (cache != null) {
                cache.put(token, principal, issuedAt, claims.getExpiration().getTime(), now);
            }
            return stillValid(principal, issuedAt);
        } catch (JwtException | IllegalArgumentException | ClassCastException rejected) {
            // The class name says why (expired, bad signature...); the message could quote the token.
            LOG.debug("Access token rejected: {}", rejected.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** Applies the app's revocation to a token that is otherwise valid; never cached, so always current. */
    private Optional<Principal> stillValid(Principal principal, long issuedAtSeconds) {
        Optional<Instant> validAfter = revocations.tokensValidAfter(principal.subject());
        if (validAfter.isPresent() && issuedAtSeconds < validAfter.get().getEpochSecond()) {
            LOG.debug("Access token rejected: issued before its subject's tokens-valid-after instant");
            return Optional.empty();
        }
        return Optional.of(principal);
    }

    private static Principal principalOf(Claims claims) {
        if (claims.getExpiration() == null) {
            throw new IllegalArgumentException("exp is required");
        }
        if (claims.getSubject() == null || claims.getSubject().isBlank()) {
            throw new IllegalArgumentException("sub is required");
        }
        Object roles = claims.get(ROLES_CLAIM);
        if (!(roles instanceof List<?> list)) {
            throw new IllegalArgumentException("roles must be an array");
        }
        Set<String> names = new HashSet<>();
        for (Object role : list) {
            names.add((String) role); // a non-string role is a ClassCastException: rejected above
        }
        return new Principal(claims.getSubject(), names);
    }
}
