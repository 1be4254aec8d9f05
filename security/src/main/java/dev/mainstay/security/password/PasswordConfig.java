package dev.mainstay.security.password;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings for password hashing and the password policy; builds a {@link PasswordHasher} and a
 * {@link PasswordPolicy}.
 *
 * <p>Immutable. The constructor refuses out-of-range values with a message that names the config key,
 * the bad value and the allowed range. With mainstay-core, bind it from {@code security.password.*}
 * keys through {@code dev.mainstay.security.config.SecurityConfig}.
 *
 * @param cost bcrypt cost (log2 of rounds), {@value #MIN_COST}..{@value #MAX_COST}; +1 doubles the time
 * @param minLength fewest characters (code points) a new password may have, {@value #MIN_MIN_LENGTH}..64
 * @param rejectCommon whether new passwords on the bundled common-password list are refused
 * @param maxConcurrent how many hashes may run at once, at least 1
 * @param maxQueued how many callers may wait for a hashing slot, at least 0
 * @param maxWait how long a caller waits for a slot before getting {@link HashingBusyException}
 */
public record PasswordConfig(
        int cost, int minLength, boolean rejectCommon, int maxConcurrent, int maxQueued, Duration maxWait) {
    /** The default bcrypt cost: about 250 ms per hash on a 2020s server core. */
    public static final int DEFAULT_COST = 12;
    /** The lowest accepted cost; below it, offline guessing gets too cheap. */
    public static final int MIN_COST = 10;
    /** The highest accepted cost; above it, one login takes seconds. */
    public static final int MAX_COST = 16;
    /** The default minimum password length, as ASVS 4.0 2.1.1 asks. */
    public static final int DEFAULT_MIN_LENGTH = 12;
    /** The lowest minimum length that may be configured (ASVS 5.0 6.2.1). */
    public static final int MIN_MIN_LENGTH = 8;
    /** The default for {@link #maxQueued()}. */
    public static final int DEFAULT_MAX_QUEUED = 32;
    /** The default for {@link #maxWait()}. */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(2);

    /**
     * Returns the default for {@link #maxConcurrent()}: one hash per CPU core but one, and at least one,
     * so that a login flood always leaves a core to every other request.
     *
     * @return the number of CPU cores minus one, at least 1
     */
    public static int defaultMaxConcurrent() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    /** Checks every value and names the config key of the first one out of range. */
    public PasswordConfig {
        requireRange("security.password.cost", cost, MIN_COST, MAX_COST);
        requireRange("security.password.min-length", minLength, MIN_MIN_LENGTH, 64);
        requireRange("security.password.max-concurrent", maxConcurrent, 1, 1024);
        requireRange("security.password.max-queued", maxQueued, 0, 100_000);
        Objects.requireNonNull(maxWait, "maxWait");
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("security.password.max-wait must not be negative, not " + maxWait);
        }
    }

    /**
     * Returns the defaults: cost 12, minimum length 12, common passwords refused, one hash per CPU
     * core but one ({@link #defaultMaxConcurrent()}), 32 waiting callers, 2 s wait.
     *
     * @return the default settings
     */
    public static PasswordConfig defaults() {
        return new PasswordConfig(
                DEFAULT_COST,
                DEFAULT_MIN_LENGTH,
                true,
                defaultMaxConcurrent(),
                DEFAULT_MAX_QUEUED,
                DEFAULT_MAX_WAIT);
    }

    /**
     * Returns a copy with another bcrypt cost.
     *
     * @param newCost the cost, {@value #MIN_COST}..{@value #MAX_COST}
     * @return the new settings
     * @throws IllegalArgumentException if the cost is out of range
     */
    public PasswordConfig withCost(int newCost) {
        return new PasswordConfig(newCost, minLength, rejectCommon, maxConcurrent, maxQueued, maxWait);
    }

    /**
     * Returns the policy for new passwords that these settings describe.
     *
     * @return the policy
     */
    public PasswordPolicy policy() {
        return new PasswordPolicy(minLength, rejectCommon);
    }

    private static void requireRange(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be from " + min + " to " + max + ", not " + value);
        }
    }
}
