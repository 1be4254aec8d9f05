package dev.mainstay.security.throttle;

import java.time.Duration;
import java.time.Instant;

/**
 * Counts failed logins per key (an account or a client address) in fixed time windows.
 *
 * <p>{@link InMemoryThrottleStore} counts per instance; a service with several instances that must
 * enforce one limit across all of them implements this over a shared store (e.g. Redis
 * {@code INCR} + {@code PEXPIRE}, or a database row per key). Implementations are thread-safe, must
 * keep memory bounded, and may forget keys early (which only makes throttling more lenient).
 * Arguments are never null.
 */
public interface ThrottleStore {

    /**
     * Returns the count for {@code key} in the window that contains {@code now}.
     *
     * @param key the throttled key
     * @param now the current instant
     * @return the window; zero failures if none were recorded or the last window has ended
     */
    ThrottleWindow current(String key, Instant now);

    /**
     * Counts one more failure for {@code key}, starting a new window of {@code window} if none is open.
     *
     * @param key the throttled key
     * @param now the current instant
     * @param window the length of a new window
     * @return the window after counting
     */
    ThrottleWindow recordFailure(String key, Instant now, Duration window);

    /**
     * Forgets the failures of {@code key} (after a successful login).
     *
     * @param key the throttled key
     */
    void reset(String key);
}
