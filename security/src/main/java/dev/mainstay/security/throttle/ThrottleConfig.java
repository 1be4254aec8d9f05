package dev.mainstay.security.throttle;

import dev.mainstay.security.DurationSetting;
import dev.mainstay.security.IntSetting;
import java.time.Duration;

/**
 * Settings for login throttling; builds a {@link LoginThrottle}.
 *
 * <p>Immutable; each key, default and range is stated once in the constants below, and the
 * constructor names the key of a bad value. The defaults allow 10 failed logins per account and 100
 * per client address in 15 minutes: at most 40 guesses an hour on one account (ASVS asks for no more
 * than 100), while a mistyping user is never stopped.
 *
 * @param accountLimit failures per account per window before logins for it are refused
 * @param addressLimit failures per client address per window before its logins are refused
 * @param window the length of a counting window
 * @param capacity how many keys the in-memory store holds at most
 */
public record ThrottleConfig(int accountLimit, int addressLimit, Duration window, int capacity) {
    /** {@code security.throttle.account-limit}: failed logins per account per window; 10 by default. */
    public static final IntSetting ACCOUNT_LIMIT = new IntSetting("security.throttle.account-limit", 10, 1, 10_000);
    /** {@code security.throttle.address-limit}: failed logins per client address per window; 100 by default. */
    public static final IntSetting ADDRESS_LIMIT =
            new IntSetting("security.throttle.address-limit", 100, 1, 1_000_000);
    /** {@code security.throttle.window}: length of a counting window; 15 minutes by default. */
    public static final DurationSetting WINDOW = new DurationSetting(
            "security.throttle.window", Duration.ofMinutes(15), Duration.ofSeconds(1), Duration.ofDays(1));
    /** {@code security.throttle.capacity}: keys the in-memory store holds (~150 bytes each); 50,000 by default. */
    public static final IntSetting CAPACITY = new IntSetting("security.throttle.capacity", 50_000, 1, 10_000_000);

    /**
     * {@code security.throttle.store}: where attempts are counted, {@code memory} (this instance; the
     * default) or {@code database} (shared by every instance; mainstay-persistence's {@code
     * MainstayPersistence.throttleStore} reads it).
     */
    public static final String STORE = "security.throttle.store";
    /** {@code security.throttle.cleanup-interval}: how often ended windows are deleted from a shared store; 5 minutes by default. */
    public static final DurationSetting CLEANUP_INTERVAL = new DurationSetting(
            "security.throttle.cleanup-interval", Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofDays(1));

    /**
     * Checks every value against its setting's range.
     *
     * @param accountLimit failures per account per window
     * @param addressLimit failures per client address per window
     * @param window the length of a counting window
     * @param capacity how many keys the in-memory store holds at most
     * @throws IllegalArgumentException naming the key, the value and the range of the first bad value
     */
    public ThrottleConfig {
        ACCOUNT_LIMIT.check(accountLimit);
        ADDRESS_LIMIT.check(addressLimit);
        WINDOW.check(window);
        CAPACITY.check(capacity);
    }

    /**
     * Returns the defaults: 10 per account, 100 per address, 15 minute windows, 50,000 keys.
     *
     * @return the default settings
     */
    public static ThrottleConfig defaults() {
        return new ThrottleConfig(
                ACCOUNT_LIMIT.defaultValue(), ADDRESS_LIMIT.defaultValue(), WINDOW.defaultValue(), CAPACITY.defaultValue());
    }
}
