package dev.mainstay.security.throttle;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings for login throttling; builds a {@link LoginThrottle}.
 *
 * <p>Immutable; the constructor names the config key of a bad value. The defaults allow 10 failed
 * logins per account and 100 per client address in 15 minutes: at most 40 guesses an hour on one
 * account (ASVS asks for no more than 100), while a mistyping user is never stopped.
 *
 * @param accountLimit failures per account per window before logins for it are refused, at least 1
 * @param addressLimit failures per client address per window before its logins are refused, at least 1
 * @param window the length of a counting window, 1 second to 1 day
 * @param capacity how many keys the in-memory store holds at most
 */
public record ThrottleConfig(int accountLimit, int addressLimit, Duration window, int capacity) {
    /** Checks every value. */
    public ThrottleConfig {
        requireAtLeastOne("security.throttle.account-limit", accountLimit);
        requireAtLeastOne("security.throttle.address-limit", addressLimit);
        requireAtLeastOne("security.throttle.capacity", capacity);
        Objects.requireNonNull(window, "window");
        if (window.compareTo(Duration.ofSeconds(1)) < 0 || window.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("security.throttle.window must be from 1s to 1d, not " + window);
        }
    }

    /**
     * Returns the defaults: 10 per account, 100 per address, 15 minute windows, 50,000 keys.
     *
     * @return the default settings
     */
    public static ThrottleConfig defaults() {
        return new ThrottleConfig(10, 100, Duration.ofMinutes(15), 50_000);
    }

    private static void requireAtLeastOne(String key, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(key + " must be at least 1, not " + value);
        }
    }
}
