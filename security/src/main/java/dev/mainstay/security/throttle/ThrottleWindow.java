package dev.mainstay.security.throttle;

import java.time.Instant;
import java.util.Objects;

/**
 * The failed logins counted for one key in its current fixed window.
 *
 * @param failures how many failures were recorded in the window, at least 0
 * @param resetsAt when the window ends and the count starts again from 0
 */
public record ThrottleWindow(int failures, Instant resetsAt) {
    /** Rejects a negative count and a null instant. */
    public ThrottleWindow {
        if (failures < 0) {
            throw new IllegalArgumentException("failures must not be negative");
        }
        Objects.requireNonNull(resetsAt, "resetsAt");
    }
}
