package ${package}.auth;

import dev.mainstay.security.token.RefreshTokenStore;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired refresh tokens once an hour, so that their table does not grow without bound.
 * Every instance runs it; the delete is idempotent, so that costs a few cheap statements. Close it at
 * shutdown (the app manages it).
 */
public final class RefreshTokenCleanup implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RefreshTokenCleanup.class);
    private static final Duration PERIOD = Duration.ofHours(1);

    private final ScheduledExecutorService scheduler;

    private RefreshTokenCleanup(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Starts the hourly cleanup, the first one an hour from now.
     *
     * @param store the store to clean
     * @return the running cleanup
     */
    public static RefreshTokenCleanup start(RefreshTokenStore store) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "refresh-token-cleanup");
            thread.setDaemon(true);
            return thread;
        });
        long period = PERIOD.toMillis();
        scheduler.scheduleWithFixedDelay(() -> clean(store), period, period, TimeUnit.MILLISECONDS);
        return new RefreshTokenCleanup(scheduler);
    }

    private static void clean(RefreshTokenStore store) {
        // An exception would cancel every later run: log it and try again next hour.
        try {
            int deleted = store.deleteExpired(Instant.now());
            LOG.debug("Deleted {} expired refresh tokens", deleted);
        } catch (RuntimeException e) {
            LOG.warn("Could not delete expired refresh tokens; retrying in {}", PERIOD, e);
        }
    }

    /** Stops the schedule; a cleanup that is running is interrupted. */
    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
