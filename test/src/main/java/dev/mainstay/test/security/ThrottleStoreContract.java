package dev.mainstay.test.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.security.throttle.ThrottleStore;
import dev.mainstay.security.throttle.ThrottleWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ThrottleStore} must have; extend it once per implementation.
 *
 * <p>Above all, {@link ThrottleStore#increment} is atomic: the login throttle counts an attempt before
 * the password is checked, and a store that loses or repeats a count under concurrency lets parallel
 * guesses through. A subclass only says how to make a store:
 *
 * <pre>{@code
 * class DatabaseThrottleStoreIT extends ThrottleStoreContract {
 *     protected ThrottleStore newStore() { return DatabaseThrottleStore.create(database); }
 * }
 * }</pre>
 *
 * <p>Time is the {@code now} argument of each call, so the tests move it instead of waiting. Each test
 * uses keys of its own, so a store backed by a shared database table need not be emptied between
 * tests. Instants are whole milliseconds, the precision every store must keep.
 */
public abstract class ThrottleStoreContract {
    /** A fixed "now", to the millisecond. */
    protected static final Instant NOW = Instant.parse("2030-01-02T03:04:05.678Z");
    /** The window length the tests count in. */
    protected static final Duration WINDOW = Duration.ofMinutes(15);

    private ThrottleStore store;

    /**
     * Returns a store; it may share data with earlier ones, as a database table does.
     *
     * @return the store under test; called before each test
     */
    protected abstract ThrottleStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    /**
     * Returns a key no other test uses, so tests can share a store's table.
     *
     * @param prefix a readable start, e.g. {@code account}
     * @return the prefix, a colon and a random UUID
     */
    protected static String key(String prefix) {
        return prefix + ":" + UUID.randomUUID();
    }

    @Test
    void startsAnUnknownKeyAtZero() {
        assertEquals(new ThrottleWindow(0, NOW), store.current(key("account"), NOW));
    }

    @Test
    void countsFromOneInANewWindowThatEndsAfterTheWindowLength() {
        String key = key("account");
        assertEquals(new ThrottleWindow(1, NOW.plus(WINDOW)), store.increment(key, NOW, WINDOW));
        assertEquals(new ThrottleWindow(2, NOW.plus(WINDOW)), store.increment(key, NOW.plusSeconds(60), WINDOW));
        assertEquals(new ThrottleWindow(2, NOW.plus(WINDOW)), store.current(key, NOW.plusSeconds(61)));
    }

    @Test
    void readingTheCountDoesNotCount() {
        String key = key("account");
        store.increment(key, NOW, WINDOW);
        store.current(key, NOW);
        store.current(key, NOW);
        assertEquals(2, store.increment(key, NOW, WINDOW).attempts());
    }

    @Test
    void startsAgainFromOneWhenTheWindowHasEnded() {
        String key = key("account");
        store.increment(key, NOW, WINDOW);
        store.increment(key, NOW, WINDOW);
        Instant end = NOW.plus(WINDOW);
        assertEquals(2, store.current(key, end.minusMillis(1)).attempts(), "open until its last millisecond");
        assertEquals(new ThrottleWindow(0, end), store.current(key, end), "ended at its end");
        assertEquals(new ThrottleWindow(1, end.plus(WINDOW)), store.increment(key, end, WINDOW));
    }

    @Test
    void keepsEachKeyApartIncludingKeysThatDifferOnlyInCase() {
        String lower = key("account:ada");
        String upper = lower.toUpperCase(java.util.Locale.ROOT);
        store.increment(lower, NOW, WINDOW);
        store.increment(lower, NOW, WINDOW);
        store.increment(upper, NOW, WINDOW);
        assertEquals(2, store.current(lower, NOW).attempts());
        assertEquals(1, store.current(upper, NOW).attempts());
    }

    @Test
    void acceptsLongAndNonAsciiKeys() {
        String key = key("account:" + "é\u4e16\ud83d\ude00".repeat(100));
        store.increment(key, NOW, WINDOW);
        assertEquals(1, store.current(key, NOW).attempts());
        assertEquals(0, store.current(key + "x", NOW).attempts());
    }

    @Test
    void takesBackOneAttemptButNeverBelowZero() {
        String key = key("address");
        store.increment(key, NOW, WINDOW);
        store.increment(key, NOW, WINDOW);
        store.decrement(key, NOW.plusSeconds(1));
        assertEquals(new ThrottleWindow(1, NOW.plus(WINDOW)), store.current(key, NOW.plusSeconds(1)));
        store.decrement(key, NOW.plusSeconds(2));
        store.decrement(key, NOW.plusSeconds(3));
        assertEquals(0, store.current(key, NOW.plusSeconds(3)).attempts());
        assertEquals(1, store.increment(key, NOW.plusSeconds(4), WINDOW).attempts());
    }

    @Test
    void doesNotTakeBackFromAnEndedWindowOrAnUnknownKey() {
        String key = key("address");
        store.decrement(key, NOW);
        assertEquals(0, store.current(key, NOW).attempts());
        store.increment(key, NOW, WINDOW);
        store.decrement(key, NOW.plus(WINDOW));
        assertEquals(1, store.increment(key, NOW.plus(WINDOW), WINDOW).attempts(), "a new window starts at 1");
    }

    @Test
    void forgetsAKeyOnResetAndNoOther() {
        String key = key("account");
        String other = key("account");
        store.increment(key, NOW, WINDOW);
        store.increment(other, NOW, WINDOW);
        store.reset(key);
        store.reset(key("never-counted"));
        assertEquals(0, store.current(key, NOW).attempts());
        assertEquals(1, store.current(other, NOW).attempts());
        assertEquals(new ThrottleWindow(1, NOW.plusSeconds(5).plus(WINDOW)), store.increment(key, NOW.plusSeconds(5), WINDOW));
    }

    @Test
    void deletesEndedWindowsOnlyAndCountsThem() {
        String ended = key("account");
        String endsNow = key("account");
        String open = key("account");
        store.increment(ended, NOW.minus(WINDOW).minusMillis(1), WINDOW);
        store.increment(endsNow, NOW.minus(WINDOW), WINDOW);
        store.increment(open, NOW.minus(WINDOW).plusMillis(1), WINDOW);

        int deleted = store.deleteExpired(NOW);

        assertTrue(deleted >= 2, "deleted " + deleted);
        assertEquals(1, store.increment(ended, NOW.minusMillis(1), WINDOW).attempts(), "forgotten, starts again");
        assertEquals(2, store.increment(open, NOW, WINDOW).attempts(), "an open window is kept");
    }

    @Test
    void countsEveryConcurrentIncrementExactlyOnce() throws Exception {
        String key = key("account");
        int threads = 16;
        int perThread = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    List<Integer> seen = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        seen.add(store.increment(key, NOW, WINDOW).attempts());
                    }
                    return seen;
                }));
            }
            start.countDown();
            Set<Integer> seen = new HashSet<>();
            for (Future<List<Integer>> result : results) {
                for (int count : result.get(60, TimeUnit.SECONDS)) {
                    assertTrue(seen.add(count), "two increments both saw " + count);
                }
            }
            int total = threads * perThread;
            assertEquals(total, seen.size());
            assertTrue(seen.stream().allMatch(count -> count >= 1 && count <= total), "counts are 1.." + total);
            assertEquals(new ThrottleWindow(total, NOW.plus(WINDOW)), store.current(key, NOW));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void startsOneWindowWhenManyIncrementANewKeyAtOnce() throws Exception {
        String key = key("address");
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ThrottleWindow>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Instant at = NOW.plusMillis(t);
                results.add(pool.submit(() -> {
                    start.await();
                    return store.increment(key, at, WINDOW);
                }));
            }
            start.countDown();
            Set<Instant> ends = new HashSet<>();
            for (Future<ThrottleWindow> result : results) {
                ends.add(result.get(60, TimeUnit.SECONDS).resetsAt());
            }
            assertEquals(1, ends.size(), "one window, not one per racer: " + ends);
            assertEquals(threads, store.current(key, NOW.plusMillis(threads)).attempts());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void countsAsManyConcurrentTakeBacksAsIncrements() throws Exception {
        String key = key("address");
        int threads = 16;
        for (int i = 0; i < threads * 2; i++) {
            store.increment(key, NOW, WINDOW);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    store.decrement(key, NOW);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> result : results) {
                result.get(60, TimeUnit.SECONDS);
            }
            assertEquals(threads, store.current(key, NOW).attempts());
        } finally {
            pool.shutdownNow();
        }
    }
}
