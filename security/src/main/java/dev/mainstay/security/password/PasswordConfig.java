package dev.mainstay.security.password;

import dev.mainstay.security.DurationSetting;
import dev.mainstay.security.IntSetting;
import java.time.Duration;

/**
 * Settings for password hashing and the password policy; builds a {@link PasswordHasher} and a
 * {@link PasswordPolicy}.
 *
 * <p>Immutable. Each key, default and range is stated once, in the constants below; the constructor
 * refuses an out-of-range value with a message naming the key, the value and the range. With
 * mainstay-core, {@code MainstaySecurity.readConfig} binds these keys from the app's config.
 *
 * @param cost bcrypt cost (log2 of rounds); +1 doubles the time, see {@link #COST}
 * @param minLength fewest characters (code points) a new password may have, see {@link #MIN_LENGTH}
 * @param rejectCommon whether new passwords on the bundled common-password list are refused
 * @param maxConcurrent how many hashes may run at once, see {@link #MAX_CONCURRENT}
 * @param maxQueued how many callers may wait for a hashing slot, see {@link #MAX_QUEUED}
 * @param maxWait how long a caller waits for a slot before getting {@link HashingBusyException}
 */
public record PasswordConfig(
        int cost, int minLength, boolean rejectCommon, int maxConcurrent, int maxQueued, Duration maxWait) {
    /**
     * {@code security.password.cost}: 12 by default (about 250 ms per hash on a 2020s server core);
     * below 10 offline guessing gets too cheap, above 16 one login takes seconds.
     */
    public static final IntSetting COST = new IntSetting("security.password.cost", 12, 10, 16);
    /**
     * {@code security.password.min-length}: 12 by default (ASVS 4.0 2.1.1); never below 8 (ASVS 5.0
     * 6.2.1), at most 64.
     */
    public static final IntSetting MIN_LENGTH = new IntSetting("security.password.min-length", 12, 8, 64);
    /** {@code security.password.reject-common}: whether common passwords are refused; true by default. */
    public static final String REJECT_COMMON = "security.password.reject-common";
    /**
     * {@code security.password.max-concurrent}: hashes running at once; by default one per CPU core
     * but one, so that a login flood always leaves a core to every other request.
     */
    public static final IntSetting MAX_CONCURRENT = new IntSetting(
            "security.password.max-concurrent", Math.max(1, Runtime.getRuntime().availableProcessors() - 1), 1, 1024);
    /** {@code security.password.max-queued}: callers that may wait for a hashing slot; 32 by default. */
    public static final IntSetting MAX_QUEUED = new IntSetting("security.password.max-queued", 32, 0, 100_000);
    /** {@code security.password.max-wait}: longest wait for a hashing slot; 2 s by default. */
    public static final DurationSetting MAX_WAIT = new DurationSetting(
            "security.password.max-wait", Duration.ofSeconds(2), Duration.ZERO, Duration.ofMinutes(1));

    /**
     * Checks every value against its setting's range.
     *
     * @param cost bcrypt cost
     * @param minLength fewest characters a new password may have
     * @param rejectCommon whether common passwords are refused
     * @param maxConcurrent how many hashes may run at once
     * @param maxQueued how many callers may wait for a hashing slot
     * @param maxWait how long a caller waits for a slot
     * @throws IllegalArgumentException naming the key, the value and the range of the first bad value
     */
    public PasswordConfig {
        COST.check(cost);
        MIN_LENGTH.check(minLength);
        MAX_CONCURRENT.check(maxConcurrent);
        MAX_QUEUED.check(maxQueued);
        MAX_WAIT.check(maxWait);
    }

    /**
     * Returns the defaults: cost 12, minimum length 12, common passwords refused, one hash per CPU
     * core but one, 32 waiting callers, 2 s wait.
     *
     * @return the default settings
     */
    public static PasswordConfig defaults() {
        return new PasswordConfig(
                COST.defaultValue(),
                MIN_LENGTH.defaultValue(),
                true,
                MAX_CONCURRENT.defaultValue(),
                MAX_QUEUED.defaultValue(),
                MAX_WAIT.defaultValue());
    }

    /**
     * Returns a copy with another bcrypt cost, e.g. the lowest ({@code COST.min()}) for fast tests.
     *
     * @param newCost the bcrypt cost of new hashes
     * @return the new settings; this one is unchanged
     * @throws IllegalArgumentException if the cost is out of {@link #COST}'s range
     */
    public PasswordConfig withCost(int newCost) {
        return new PasswordConfig(newCost, minLength, rejectCommon, maxConcurrent, maxQueued, maxWait);
    }

    /**
     * Returns the policy for new passwords that these settings describe.
     *
     * @return a policy with this minimum length and common-password rule
     */
    public PasswordPolicy policy() {
        return new PasswordPolicy(minLength, rejectCommon);
    }
}
