package dev.mainstay.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

/** The library's scheduled cleanup: synchronised by latches and the scheduler's own state, never by sleeps. */
class PeriodicCleanupTest {
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** Counts down once per run; the first {@code failures} runs throw, as a database outage would. */
    private static final class CountingDelete implements ToIntFunction<Instant> {
        final CountDownLatch runs;
        final AtomicInteger calls = new AtomicInteger();
        final List<Instant> instants = new CopyOnWriteArrayList<>();
        final int failures;

        CountingDelete(int expectedRuns, int failures) {
            this.runs = new CountDownLatch(expectedRuns);
            this.failures = failures;
        }

        @Override
        public int applyAsInt(Instant now) {
            int call = calls.incrementAndGet();
            instants.add(now);
            runs.countDown();
            if (call <= failures) {
                throw new IllegalStateException("database down");
            }
            return 1;
        }
    }

    private static PeriodicCleanup cleanup(Duration interval, CountingDelete delete, ScheduledThreadPoolExecutor scheduler) {
        return new PeriodicCleanup("test rows", interval, delete, CLOCK, scheduler);
    }

    @Test
    void deletesOnScheduleWithTheClocksInstantAndStopsForGoodOnClose() throws Exception {
        CountingDelete delete = new CountingDelete(3, 0);
        PeriodicCleanup cleanup = cleanup(Duration.ofMillis(5), delete, new ScheduledThreadPoolExecutor(1));

        assertTrue(delete.runs.await(10, TimeUnit.SECONDS), "three runs");
        cleanup.close();

        assertTrue(cleanup.isStopped());
        assertTrue(delete.instants.stream().allMatch(NOW::equals), "every run asks with the clock's instant");
        int callsAtClose = delete.calls.get();
        cleanup.close(); // twice is harmless
        assertEquals(callsAtClose, delete.calls.get());
    }

    @Test
    void aFailedRunIsLoggedAndRetriedAtTheNextInterval() throws Exception {
        CountingDelete delete = new CountingDelete(2, 1);
        try (PeriodicCleanup cleanup = cleanup(Duration.ofMillis(5), delete, new ScheduledThreadPoolExecutor(1))) {
            assertTrue(delete.runs.await(10, TimeUnit.SECONDS), "the run after the failure still happens");
            assertFalse(cleanup.isStopped());
        }
    }

    @Test
    void theFirstRunIsOneIntervalAfterStart() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
        CountingDelete delete = new CountingDelete(1, 0);
        PeriodicCleanup cleanup = cleanup(Duration.ofHours(1), delete, scheduler);
        Delayed next = (Delayed) scheduler.getQueue().peek();
        long delay = next.getDelay(TimeUnit.MINUTES);
        cleanup.close();
        assertTrue(delay >= 59 && delay <= 60, "first run in " + delay + " min");
        assertEquals(0, delete.calls.get(), "start-up does not touch the store");
    }

    @Test
    void refusesAnIntervalThatIsNotPositive() {
        assertThrows(IllegalArgumentException.class, () -> PeriodicCleanup.start("rows", Duration.ZERO, now -> 0));
    }

    @Test
    void startRunsOnADaemonThreadThatCloseEnds() {
        PeriodicCleanup cleanup = PeriodicCleanup.start("rows", Duration.ofHours(1), now -> 0);
        cleanup.close();
        assertTrue(cleanup.isStopped());
    }
}
