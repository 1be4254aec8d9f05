package dev.mainstay.security.token;

import dev.mainstay.security.DurationSetting;
import java.time.Duration;

/**
 * Settings for refresh tokens: their lifetime, and how often expired ones are deleted from the store.
 *
 * <p>Immutable; each key, default and range is stated once in the constants below.
 *
 * @param ttl how long a refresh token lives; each rotation starts a new one
 * @param cleanupInterval how often {@link RefreshTokenCleanup} deletes expired tokens
 */
public record RefreshConfig(Duration ttl, Duration cleanupInterval) {
    /** {@code security.refresh.ttl}: refresh-token lifetime, renewed at each rotation; 14 days by default. */
    public static final DurationSetting TTL =
            new DurationSetting("security.refresh.ttl", Duration.ofDays(14), Duration.ofMinutes(1), Duration.ofDays(365));
    /** {@code security.refresh.cleanup-interval}: time between deletions of expired tokens; 1 hour by default. */
    public static final DurationSetting CLEANUP_INTERVAL = new DurationSetting(
            "security.refresh.cleanup-interval", Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofDays(1));

    /** Checks both values against their settings' ranges. */
    public RefreshConfig {
        TTL.check(ttl);
        CLEANUP_INTERVAL.check(cleanupInterval);
    }

    /** Returns the defaults: tokens live 14 days, expired ones are deleted every hour. */
    public static RefreshConfig defaults() {
        return new RefreshConfig(TTL.defaultValue(), CLEANUP_INTERVAL.defaultValue());
    }
}
