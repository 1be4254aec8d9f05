package dev.mainstay.security;

import java.time.Duration;
import java.util.Objects;

/**
 * One duration config key with its default and its allowed range, stated once; see {@link IntSetting}.
 * Immutable.
 *
 * @param key the config key, e.g. {@code security.jwt.access-ttl}
 * @param defaultValue the value when the key is not set
 * @param min the shortest allowed value
 * @param max the longest allowed value
 */
public record DurationSetting(String key, Duration defaultValue, Duration min, Duration max) {
    /**
     * Refuses nulls, an empty range or a default outside it.
     *
     * @param key the config key
     * @param defaultValue the value when the key is not set; inside {@code [min, max]}
     * @param min the shortest allowed value
     * @param max the longest allowed value
     * @throws IllegalArgumentException if the range is empty or does not hold the default
     */
    public DurationSetting {
        Objects.requireNonNull(key, "key");
        if (min.compareTo(max) > 0 || defaultValue.compareTo(min) < 0 || defaultValue.compareTo(max) > 0) {
            throw new IllegalArgumentException(key + ": default " + defaultValue + " outside " + min + ".." + max);
        }
    }

    /**
     * Returns {@code value} if it is in range.
     *
     * @param value a duration given in code, e.g. to a config record's constructor
     * @return {@code value}, unchanged
     * @throws IllegalArgumentException naming the key, the value and the range otherwise
     * @throws NullPointerException naming the key if {@code value} is null
     */
    public Duration check(Duration value) {
        Objects.requireNonNull(value, key);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(key + " must be from " + min + " to " + max + ", not " + value);
        }
        return value;
    }
}
