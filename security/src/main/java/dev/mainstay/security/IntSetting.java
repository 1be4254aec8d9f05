package dev.mainstay.security;

import java.util.Objects;

/**
 * One whole-number config key with its default and its allowed range, stated once.
 *
 * <p>The plain-Java config records check their values with {@link #check}, and the web package reads
 * the key from mainstay-core's config with the same default and range, so the two can never disagree.
 * Immutable.
 *
 * @param key the config key, e.g. {@code security.password.cost}
 * @param defaultValue the value when the key is not set
 * @param min the smallest allowed value
 * @param max the largest allowed value
 */
public record IntSetting(String key, int defaultValue, int min, int max) {
    /**
     * Refuses a {@code null} key, an empty range or a default outside it.
     *
     * @param key the config key
     * @param defaultValue the value when the key is not set; inside {@code [min, max]}
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @throws IllegalArgumentException if the range is empty or does not hold the default
     */
    public IntSetting {
        Objects.requireNonNull(key, "key");
        if (min > max || defaultValue < min || defaultValue > max) {
            throw new IllegalArgumentException(key + ": default " + defaultValue + " outside " + min + ".." + max);
        }
    }

    /**
     * Returns {@code value} if it is in range.
     *
     * @param value a number given in code, e.g. to a config record's constructor
     * @return {@code value}, unchanged
     * @throws IllegalArgumentException naming the key, the value and the range otherwise
     */
    public int check(int value) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be from " + min + " to " + max + ", not " + value);
        }
        return value;
    }
}
