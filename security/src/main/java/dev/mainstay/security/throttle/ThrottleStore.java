package dev.mainstay.security.throttle;

import java.time.Duration;
import java.time.Instant;

/**
 * Counts login attempts per key (an account or a client address) in fixed time windows.
 *
 * <p>{@link LoginThrottle} counts an attempt with {@link #increment} <em>before</em> the password is
 * checked, so the increment must be atomic: of N concurrent increments on one key, each sees a
 * different count, 1 to N. A check-then-record store lets every concurrent guess through.
 *
 * <p>{@link InMemoryThrottleStore} counts per instance; a service with several instances shares one
 * store, such as mainstay-persistence's {@code DatabaseThrottleStore}. Implementations are
 * thread-safe, keep memory bounded (forgetting ended windows, through {@link #deleteExpired} if not on
 * their own), and may forget keys early, which only makes throttling more lenient. A store that cannot
 * answer throws, and the login is refused (fail closed). Arguments are never null. Every
 * implementation must pass {@code dev.mainstay.test.security.ThrottleStoreContract} of mainstay-test.
 */
public interface ThrottleStore {

    /**
     * Returns the count of {@code key} in the window that contains {@code now}, without counting.
     *
     * @param key the throttled key
     * @param now the current instant
     * @return the window; zero attempts, ending at {@code now}, if none were counted or the last window
     *     has ended
     */
    ThrottleWindow current(String key, Instant now);

    /**
     * Atomically counts one more attempt for {@code key}, first starting a new window of {@code window}
     * if none is open at {@code now} (a window is open while {@code now} is before its end).
     *
     * @param key the throttled key
     * @param now the current instant
     * @param window the length of a new window, positive
     * @return the window after counting, as this call left it
     */
    ThrottleWindow increment(String key, Instant now, Duration window);

    /**
     * Atomically takes one attempt back from {@code key}, if its window is still open at {@code now} and
     * its count is above zero; for an attempt that was counted but never checked a password.
     *
     * @param key the throttled key
     * @param now the current instant
     */
    void decrement(String key, Instant now);

    /**
     * Forgets the count of {@code key} (after a successful login).
     *
     * @param key the throttled key
     */
    void reset(String key);

    /**
     * Forgets every window that has ended at {@code now}; {@link dev.mainstay.security.PeriodicCleanup} runs it on a schedule.
     *
     * @param now the current instant
     * @return how many keys were forgotten
     */
    int deleteExpired(Instant now);
}
