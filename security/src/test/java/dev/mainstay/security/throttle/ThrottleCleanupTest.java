package dev.mainstay.security.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The scheduled deletion of ended windows: synchronised by latches, never by sleeps. */
class ThrottleCleanupTest {
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void deletesEndedWindowsOnScheduleAndSurvivesAFailedRun() throws Exception {
        InMemoryThrottleStore memory = new InMemoryThrottleStore(10);
        memory.increment("ended", NOW.minus(Duration.ofMinutes(20)), Duration.ofMinutes(15));
        memory.increment("open", NOW.minusSeconds(1), Duration.ofMinutes(15));
        CountDownLatch runs = new CountDownLatch(2);
        AtomicInteger calls = new AtomicInteger();
        ThrottleStore store = new ThrottleStore() {
            @Override
            public ThrottleWindow current(String key, Instant now) {
                return memory.current(key, now);
            }

            @Override
            public ThrottleWindow increment(String key, Instant now, Duration window) {
                return memory.increment(key, now, window);
            }

            @Override
            public void decrement(String key, Instant now) {
                memory.decrement(key, now);
            }

            @Override
            public void reset(String key) {
                memory.reset(key);
            }

            @Override
            public int deleteExpired(Instant now) {
                try {
                    if (calls.incrementAndGet() == 1) {
                        throw new IllegalStateException("database down");
                    }
                    return memory.deleteExpired(now);
                } finally {
                    runs.countDown();
                }
            }
        };
        ThrottleCleanup cleanup = new ThrottleCleanup(
                store, Duration.ofMillis(5), Clock.fixed(NOW, ZoneOffset.UTC), new ScheduledThreadPoolExecutor(1));
        try {
            assertTrue(runs.await(10, TimeUnit.SECONDS), "a second run after the failed one");
        } finally {
            cleanup.close();
        }
        assertTrue(cleanup.isStopped());
        assertEquals(1, memory.size(), "only the open window is left");
        assertEquals(1, memory.current("open", NOW).attempts());
    }
}
