package dev.mainstay.security.token;

import dev.mainstay.security.DurationSetting;
import java.time.Duration;

/**
 * Settings for refresh tokens: their lifetime, and how often expired ones are deleted from the store.
 *
 * <p>Immutable; each key, default and range is stated once in the constants below.
 *
 * @param ttl how long a refresh token lives; each rotation starts a new one
 * @param absoluteTtl how long a family (one login's chain of rotations) lives at most, however often
 *     it is rotated (ASVS 7.3.2); at least {@code ttl}
 * @param cleanupInterval how often {@link dev.mainstay.security.PeriodicCleanup} deletes expired tokens
 */
public record RefreshConfig(Duration ttl, Duration absoluteTtl, Duration cleanupInterval) {
    /** {@code security.refresh.ttl}: refresh-token lifetime, renewed at each rotation; 14 days by default. */
    public static final DurationSetting TTL =
            new DurationSetting("security.refresh.ttl", Duration.ofDays(14), Duration.ofMinutes(1), Duration.ofDays(365));
    /**
     * {@code security.refresh.absolute-ttl}: longest a login's session lasts, rotations included; 30 days
     * by default. The user logs in again after it.
     */
    public static final DurationSetting ABSOLUTE_TTL = new DurationSetting(
            "security.refresh.absolute-ttl", Duration.ofDays(30), Duration.ofMinutes(1), Duration.ofDays(3650));
    /** {@code security.refresh.cleanup-interval}: time between deletions of expired tokens; 1 hour by default. */
    public static final DurationSetting CLEANUP_INTERVAL = new DurationSetting(
            "security.refresh.cleanup-interval", Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofDays(1));

    /**
     * Checks every value against its setting's range.
     *
     * @param ttl how long a refresh token lives
     * @param absoluteTtl how long a family lives at most
     * @param cleanupInterval how often expired tokens are deleted
     * @throws IllegalArgumentException naming the key, also if {@code absoluteTtl} is shorter than {@code ttl}
     */
    public RefreshConfig {
        TTL.check(ttl);
        ABSOLUTE_TTL.check(absoluteTtl);
        if (absoluteTtl.compareTo(ttl) < 0) {
            throw new IllegalArgumentException(ABSOLUTE_TTL.key() + " (" + absoluteTtl
                    + ") must be at least security.refresh.ttl (" + ttl + ")");
        }
        CLEANUP_INTERVAL.check(cleanupInterval);
    }

    /**
     * Returns the defaults: tokens live 14 days, sessions 30, expired tokens are deleted every hour.
     *
     * @return the default settings
     */
    public static RefreshConfig defaults() {
        return new RefreshConfig(TTL.defaultValue(), ABSOLUTE_TTL.defaultValue(), CLEANUP_INTERVAL.defaultValue());
    }
}
