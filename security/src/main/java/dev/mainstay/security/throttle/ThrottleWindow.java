package dev.mainstay.security.throttle;

import java.time.Instant;
import java.util.Objects;

/**
 * The login attempts counted for one key in its current fixed window.
 *
 * @param attempts how many attempts are counted in the window (failed, or still being checked), at
 *     least 0
 * @param resetsAt when the window ends and the count starts again from 0
 */
public record ThrottleWindow(int attempts, Instant resetsAt) {
    /**
     * Rejects a negative count and a null instant.
     *
     * @param attempts the attempts counted so far, at least 0
     * @param resetsAt when the window ends
     * @throws IllegalArgumentException if {@code attempts} is negative
     */
    public ThrottleWindow {
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative");
        }
        Objects.requireNonNull(resetsAt, "resetsAt");
    }
}
