package dev.mainstay.persistence.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired idempotency keys at a fixed interval, on one daemon thread; {@code
 * MainstayPersistence.idempotency} starts one and closes it when the app stops. Every instance may run
 * one (the delete is idempotent). A failed run is logged and retried at the next interval.
 */
public final class IdempotencyCleanup implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyCleanup.class);

    private final ScheduledExecutorService scheduler;
    private final IdempotencyStore store;
    private final Duration interval;

    private IdempotencyCleanup(IdempotencyStore store, Duration interval) {
        this.store = Objects.requireNonNull(store, "store");
        this.interval = Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("The cleanup interval must be positive, not " + interval);
        }
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "mainstay-idempotency-cleanup");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::runOnce, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts deleting expired keys from {@code store} every {@code interval}, the first run one interval
     * from now.
     *
     * @param store the store to clean
     * @param interval the time between two runs, positive
     * @return the running cleanup; close it to stop
     */
    public static IdempotencyCleanup start(IdempotencyStore store, Duration interval) {
        return new IdempotencyCleanup(store, interval);
    }

    private void runOnce() {
        // An exception escaping a scheduled task cancels every later run: log it and try next time.
        try {
            LOG.debug("Deleted {} expired idempotency keys", store.deleteExpired(Clock.systemUTC().instant()));
        } catch (RuntimeException e) {
            LOG.warn("Could not delete expired idempotency keys; retrying in {}", interval, e);
        }
    }

    /** Stops the schedule and waits up to 5 seconds for a run in progress. Closing twice is harmless. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("An idempotency-key cleanup was still running 5 s after it was asked to stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
