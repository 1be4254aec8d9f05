package dev.mainstay.security.token;

import dev.mainstay.security.DurationSetting;
import dev.mainstay.security.IntSetting;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Settings for access tokens; builds {@link AccessTokens}.
 *
 * <p>Immutable. Each ranged key, default and range is stated once in the constants below; the
 * constructor refuses bad values with a message naming the config key. With mainstay-core,
 * {@code MainstaySecurity.readConfig} binds the {@code security.jwt.*} keys and also applies the
 * profile rules (no missing or weak key in prod).
 *
 * @param issuer the {@code iss} written into tokens and required on verification
 * @param audience the {@code aud} written into tokens and required on verification
 * @param accessTtl how long an access token lives, see {@link #ACCESS_TTL}
 * @param clockSkew how far clocks may disagree when checking {@code exp} and {@code nbf}, see {@link #CLOCK_SKEW}
 * @param currentKey the key that signs new tokens (and verifies)
 * @param previousKeys older keys that still verify during a rotation; never sign
 * @param cacheSize how many verified tokens to remember (0 turns the cache off), see {@link #CACHE_SIZE}
 * @param cacheTtl the longest a verified token is remembered (never past its {@code exp}), see {@link #CACHE_TTL}
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
    /** {@code security.jwt.issuer}: the {@code iss} written and required. */
    public static final String ISSUER = "security.jwt.issuer";
    /** {@code security.jwt.audience}: the {@code aud} written and required. */
    public static final String AUDIENCE = "security.jwt.audience";
    /** {@code security.jwt.access-ttl}: access-token lifetime; 15 minutes by default. */
    public static final DurationSetting ACCESS_TTL = new DurationSetting(
            "security.jwt.access-ttl", Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofDays(1));
    /** {@code security.jwt.clock-skew}: tolerated clock difference for {@code exp}/{@code nbf}; 30 s by default. */
    public static final DurationSetting CLOCK_SKEW = new DurationSetting(
            "security.jwt.clock-skew", Duration.ofSeconds(30), Duration.ZERO, Duration.ofMinutes(5));
    /** {@code security.jwt.cache-size}: verified tokens remembered, 0 turns the cache off; 10,000 by default. */
    public static final IntSetting CACHE_SIZE = new IntSetting("security.jwt.cache-size", 10_000, 0, 1_000_000);
    /** {@code security.jwt.cache-ttl}: longest a verified token is remembered; 1 minute by default. */
    public static final DurationSetting CACHE_TTL =
            new DurationSetting("security.jwt.cache-ttl", Duration.ofMinutes(1), Duration.ZERO, Duration.ofHours(1));
    /** {@code security.jwt.previous-kids}: ids of older keys still accepted during a rotation. */
    public static final String PREVIOUS_KIDS = "security.jwt.previous-kids";

    /**
     * Checks every value and names the config key of the first bad one.
     *
     * @param issuer the {@code iss}, not blank
     * @param audience the {@code aud}, not blank
     * @param accessTtl how long an access token lives
     * @param clockSkew how far clocks may disagree
     * @param currentKey the signing key; must be able to sign
     * @param previousKeys verify-only keys; copied, their kids distinct from each other and the current key's
     * @param cacheSize how many verified tokens to remember
     * @param cacheTtl the longest a verified token is remembered
     * @throws IllegalArgumentException naming the config key of the first bad value
     */
    public JwtConfig {
        requireText(ISSUER, issuer);
        requireText(AUDIENCE, audience);
        ACCESS_TTL.check(accessTtl);
        CLOCK_SKEW.check(clockSkew);
        CACHE_TTL.check(cacheTtl);
        CACHE_SIZE.check(cacheSize);
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
                throw new IllegalArgumentException(PREVIOUS_KIDS + ": the kid '" + key.kid() + "' is used twice");
            }
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
                ACCESS_TTL.defaultValue(),
                CLOCK_SKEW.defaultValue(),
                key,
                List.of(),
                CACHE_SIZE.defaultValue(),
                CACHE_TTL.defaultValue());
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
     * @param size in the range of {@link #CACHE_SIZE}
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
}
