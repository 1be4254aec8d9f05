package dev.mainstay.security.token;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Settings for access tokens; builds {@link AccessTokens}.
 *
 * <p>Immutable. The constructor refuses bad values with a message naming the config key. With
 * mainstay-core, bind it from the {@code security.jwt.*} keys through
 * {@code dev.mainstay.security.config.SecurityConfig}, which also applies the profile rules (no
 * missing or weak key in prod).
 *
 * @param issuer the {@code iss} written into tokens and required on verification
 * @param audience the {@code aud} written into tokens and required on verification
 * @param accessTtl how long an access token lives, 1 minute to 1 day
 * @param clockSkew how far clocks may disagree when checking {@code exp} and {@code nbf}, 0 to 5 minutes
 * @param currentKey the key that signs new tokens (and verifies)
 * @param previousKeys older keys that still verify during a rotation; never sign
 * @param cacheSize how many verified tokens to remember (0 turns the cache off)
 * @param cacheTtl the longest a verified token is remembered (never past its {@code exp})
 */
public record JwtConfig(
        String issuer,
        String audience,
        Duration accessTtl,
        Duration clockSkew,
        JwtKey currentKey,
        List<JwtKey> previousKeys,
        int cacheSize,
        Duration cacheTtl) {
    /** The default lifetime of an access token. */
    public static final Duration DEFAULT_ACCESS_TTL = Duration.ofMinutes(15);
    /** The default clock skew. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);
    /** The default number of verified tokens remembered. */
    public static final int DEFAULT_CACHE_SIZE = 10_000;
    /** The default time a verified token is remembered. */
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofMinutes(1);

    /** Checks every value and names the config key of the first bad one. */
    public JwtConfig {
        requireText("security.jwt.issuer", issuer);
        requireText("security.jwt.audience", audience);
        requireRange("security.jwt.access-ttl", accessTtl, Duration.ofMinutes(1), Duration.ofDays(1));
        requireRange("security.jwt.clock-skew", clockSkew, Duration.ZERO, Duration.ofMinutes(5));
        requireRange("security.jwt.cache-ttl", cacheTtl, Duration.ZERO, Duration.ofHours(1));
        Objects.requireNonNull(currentKey, "currentKey");
        if (!currentKey.canSign()) {
            throw new IllegalArgumentException("security.jwt: the current key '" + currentKey.kid()
                    + "' has no signing key; give its secret or private key");
        }
        previousKeys = List.copyOf(previousKeys);
        Set<String> kids = new HashSet<>();
        kids.add(currentKey.kid());
        for (JwtKey key : previousKeys) {
            if (!kids.add(key.kid())) {
                throw new IllegalArgumentException(
                        "security.jwt.previous-kids: the kid '" + key.kid() + "' is used twice");
            }
        }
        if (cacheSize < 0 || cacheSize > 1_000_000) {
            throw new IllegalArgumentException("security.jwt.cache-size must be from 0 to 1000000, not " + cacheSize);
        }
    }

    /**
     * Returns settings with one key and the defaults: 15 min tokens, 30 s skew, cache of 10,000 for 1 min.
     *
     * @param issuer the {@code iss}, e.g. {@code "https://api.example.com"}
     * @param audience the {@code aud}, e.g. {@code "example-api"}
     * @param key the signing key
     * @return the settings
     */
    public static JwtConfig of(String issuer, String audience, JwtKey key) {
        return new JwtConfig(
                issuer,
                audience,
                DEFAULT_ACCESS_TTL,
                DEFAULT_CLOCK_SKEW,
                key,
                List.of(),
                DEFAULT_CACHE_SIZE,
                DEFAULT_CACHE_TTL);
    }

    /**
     * Returns a copy with another access-token lifetime.
     *
     * @param ttl 1 minute to 1 day
     * @return the new settings
     */
    public JwtConfig withAccessTtl(Duration ttl) {
        return new JwtConfig(issuer, audience, ttl, clockSkew, currentKey, previousKeys, cacheSize, cacheTtl);
    }

    /**
     * Returns a copy with other verify-only keys, for rotation.
     *
     * @param keys the previous keys
     * @return the new settings
     */
    public JwtConfig withPreviousKeys(List<JwtKey> keys) {
        return new JwtConfig(issuer, audience, accessTtl, clockSkew, currentKey, keys, cacheSize, cacheTtl);
    }

    /**
     * Returns a copy with another verified-token cache size (0 turns it off).
     *
     * @param size 0 to 1,000,000
     * @return the new settings
     */
    public JwtConfig withCacheSize(int size) {
        return new JwtConfig(issuer, audience, accessTtl, clockSkew, currentKey, previousKeys, size, cacheTtl);
    }

    private static void requireText(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " must not be blank");
        }
    }

    private static void requireRange(String key, Duration value, Duration min, Duration max) {
        Objects.requireNonNull(value, key);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(key + " must be from " + min + " to " + max + ", not " + value);
        }
    }
}
