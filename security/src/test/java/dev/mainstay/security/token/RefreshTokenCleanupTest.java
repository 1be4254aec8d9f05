package dev.mainstay.security.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The library's scheduled cleanup: synchronised by latches and the scheduler's own state, never by sleeps. */
class RefreshTokenCleanupTest {
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryRefreshTokenStore memory = new InMemoryRefreshTokenStore();

    /** Counts down once per cleanup run; the first {@code failures} runs throw, as a database outage would. */
    private final class CountingStore extends ForwardingStore {
        final CountDownLatch runs;
        final AtomicInteger calls = new AtomicInteger();
        final int failures;

        CountingStore(int expectedRuns, int failures) {
            super(memory);
            this.runs = new CountDownLatch(expectedRuns);
            this.failures = failures;
        }

        @Override
        public int deleteExpired(Instant now) {
            int call = calls.incrementAndGet();
            runs.countDown();
            if (call <= failures) {
                throw new IllegalStateException("database down");
            }
            return super.deleteExpired(now);
        }
    }

    private void saveToken(String hash, Instant expiresAt) {
        memory.save(new StoredRefreshToken(hash, "family", "ann", NOW.minus(Duration.ofDays(30)), expiresAt, null, null));
    }

    @Test
    void deletesExpiredTokensOnScheduleAndStopsForGoodOnClose() throws Exception {
        saveToken("expired", NOW.minusSeconds(1));
        saveToken("live", NOW.plusSeconds(60));
        CountingStore store = new CountingStore(3, 0);
        RefreshTokenCleanup cleanup =
                new RefreshTokenCleanup(store, Duration.ofMillis(5), clock, new ScheduledThreadPoolExecutor(1));

        assertTrue(store.runs.await(10, TimeUnit.SECONDS), "three runs");
        cleanup.close();

        assertTrue(cleanup.isStopped());
        assertEquals(Optional.empty(), memory.find("expired"));
        assertTrue(memory.find("live").isPresent());
        int callsAtClose = store.calls.get();
        cleanup.close(); // twice is harmless
        assertEquals(callsAtClose, store.calls.get());
    }

    @Test
    void aFailedRunIsLoggedAndRetriedAtTheNextInterval() throws Exception {
        saveToken("expired", NOW.minusSeconds(1));
        CountingStore store = new CountingStore(2, 1);
        try (RefreshTokenCleanup cleanup =
                new RefreshTokenCleanup(store, Duration.ofMillis(5), clock, new ScheduledThreadPoolExecutor(1))) {
            assertTrue(store.runs.await(10, TimeUnit.SECONDS), "the run after the failure still happens");
            assertFalse(cleanup.isStopped());
        }
        assertEquals(Optional.empty(), memory.find("expired"));
    }

    @Test
    void theFirstRunIsOneIntervalAfterStart() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
        CountingStore store = new CountingStore(1, 0);
        RefreshTokenCleanup cleanup = new RefreshTokenCleanup(store, Duration.ofHours(1), clock, scheduler);
        Delayed next = (Delayed) scheduler.getQueue().peek();
        long delay = next.getDelay(TimeUnit.MINUTES);
        cleanup.close();
        assertTrue(delay >= 59 && delay <= 60, "first run in " + delay + " min");
        assertEquals(0, store.calls.get(), "start-up does not touch the store");
    }

    @Test
    void runsWithTheInjectedClock() {
        saveToken("expired-later", NOW.plus(Duration.ofHours(2)));
        try (RefreshTokenCleanup cleanup = new RefreshTokenCleanup(
                memory, Duration.ofHours(1), clock, new ScheduledThreadPoolExecutor(1))) {
            cleanup.runOnce();
            assertTrue(memory.find("expired-later").isPresent());
            clock.advance(Duration.ofHours(3));
            cleanup.runOnce();
            assertEquals(Optional.empty(), memory.find("expired-later"));
        }
    }

    @Test
    void refusesAnIntervalThatIsNotPositive() {
        assertThrows(IllegalArgumentException.class, () -> RefreshTokenCleanup.start(memory, Duration.ZERO));
    }

    @Test
    void startRunsOnADaemonThreadThatCloseEnds() {
        RefreshTokenCleanup cleanup = RefreshTokenCleanup.start(memory, Duration.ofHours(1));
        cleanup.close();
        assertTrue(cleanup.isStopped());
    }
}
