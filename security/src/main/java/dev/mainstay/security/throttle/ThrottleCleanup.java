package dev.mainstay.security.throttle;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes ended throttle windows from a shared store at a fixed interval, so that a flood of distinct
 * accounts or addresses does not grow it without bound. mainstay-persistence's {@code
 * MainstayPersistence.throttleStore} starts one for the database store and closes it when the app
 * stops.
 *
 * <p>Every instance of a service may run one: the delete is idempotent, so several instances cost a
 * few cheap statements. A failed run (database down) is logged and retried at the next interval. The
 * first run is one interval after start, so start-up does not touch the store. Thread-safe.
 */
public final class ThrottleCleanup implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ThrottleCleanup.class);

    private final ScheduledExecutorService scheduler;
    private final ThrottleStore store;
    private final Clock clock;
    private final Duration interval;

    ThrottleCleanup(ThrottleStore store, Duration interval, Clock clock, ScheduledExecutorService scheduler) {
        this.store = Objects.requireNonNull(store, "store");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = scheduler;
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("The cleanup interval must be positive, not " + interval);
        }
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::runOnce, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts deleting ended windows from {@code store} every {@code interval}, on one daemon thread
     * named {@code mainstay-throttle-cleanup}.
     *
     * @param store the store to clean
     * @param interval the time between two runs, positive (config: {@link ThrottleConfig#CLEANUP_INTERVAL})
     * @return the running cleanup; close it to stop
     */
    public static ThrottleCleanup start(ThrottleStore store, Duration interval) {
        return new ThrottleCleanup(store, interval, Clock.systemUTC(), Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "mainstay-throttle-cleanup");
            thread.setDaemon(true);
            return thread;
        }));
    }

    void runOnce() {
        // An exception escaping a scheduled task cancels every later run: log it and try next time.
        try {
            int deleted = store.deleteExpired(clock.instant());
            LOG.debug("Deleted {} ended throttle windows", deleted);
        } catch (RuntimeException e) {
            LOG.warn("Could not delete ended throttle windows; retrying in {}", interval, e);
        }
    }

    /**
     * Stops the schedule and waits up to 5 seconds for a run in progress, which is interrupted; after
     * it returns, the store is no longer touched. Closing twice is harmless.
     */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("A throttle cleanup was still running 5 s after it was asked to stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Tells whether the cleanup has stopped for good (package-private, for tests). */
    boolean isStopped() {
        return scheduler.isTerminated();
    }
}
