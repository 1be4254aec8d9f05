package dev.mainstay.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what has expired from a store at a fixed interval, so that the store does not grow without
 * bound: expired refresh tokens ({@code MainstaySecurity.install} starts one) and ended throttle
 * windows of a shared store (mainstay-persistence's {@code MainstayPersistence.throttleStore}).
 *
 * <p>Every instance of a service may run one: a delete of what has expired is idempotent, so several
 * instances cost a few cheap statements. A failed run (database down) is logged and retried at the
 * next interval. The first run is one interval after start, so start-up does not touch the store.
 * Thread-safe.
 */
public final class PeriodicCleanup implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PeriodicCleanup.class);

    private final String what;
    private final Duration interval;
    private final ToIntFunction<Instant> deleteExpired;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;

    PeriodicCleanup(
            String what,
            Duration interval,
            ToIntFunction<Instant> deleteExpired,
            Clock clock,
            ScheduledExecutorService scheduler) {
        this.what = Objects.requireNonNull(what, "what");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.deleteExpired = Objects.requireNonNull(deleteExpired, "deleteExpired");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = scheduler;
        if (interval.isNegative() || interval.isZero()) {
            scheduler.shutdownNow();
            throw new IllegalArgumentException("The cleanup interval must be positive, not " + interval);
        }
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::runOnce, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts calling {@code deleteExpired} with the current instant every {@code interval}, on one daemon
     * thread, e.g. {@code PeriodicCleanup.start("expired refresh tokens", Duration.ofHours(1),
     * store::deleteExpired)}.
     *
     * @param what what is deleted, for the thread's name and the log lines
     * @param interval the time between two runs, positive
     * @param deleteExpired deletes what has expired at the given instant and returns how many it deleted
     * @return the running cleanup; close it to stop
     * @throws IllegalArgumentException if {@code interval} is not positive
     */
    public static PeriodicCleanup start(String what, Duration interval, ToIntFunction<Instant> deleteExpired) {
        String threadName = "mainstay-cleanup-" + what.replace(' ', '-');
        return new PeriodicCleanup(what, interval, deleteExpired, Clock.systemUTC(),
                Executors.newSingleThreadScheduledExecutor(task -> {
                    Thread thread = new Thread(task, threadName);
                    thread.setDaemon(true);
                    return thread;
                }));
    }

    void runOnce() {
        // An exception escaping a scheduled task cancels every later run: log it and try next time.
        try {
            int deleted = deleteExpired.applyAsInt(clock.instant());
            LOG.debug("Deleted {} {}", deleted, what);
        } catch (RuntimeException e) {
            LOG.warn("Could not delete {}; retrying in {}", what, interval, e);
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
                LOG.warn("A cleanup of {} was still running 5 s after it was asked to stop", what);
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
