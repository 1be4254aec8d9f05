package dev.mainstay.security.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private Instant now = Instant.parse("2030-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    };
    private final LoginThrottle throttle = new LoginThrottle(
            new InMemoryThrottleStore(1000), new ThrottleConfig(3, 5, Duration.ofMinutes(15), 1000), clock);

    private Optional<String> fail(String account, String address) {
        return throttle.attempt(account, address, Optional::empty);
    }

    @Test
    void refusesAnAccountAfterItsLimitUntilTheWindowEnds() {
        for (int i = 0; i < 3; i++) {
            fail("ada@example.com", "192.0.2." + i);
        }
        AtomicInteger ran = new AtomicInteger();
        LoginThrottledException refused = assertThrows(
                LoginThrottledException.class,
                () -> throttle.attempt("ada@example.com", "198.51.100.7", () -> Optional.of(ran.incrementAndGet())));
        assertEquals(0, ran.get(), "a throttled login is not even tried (no hashing)");
        assertEquals(Duration.ofMinutes(15), refused.retryAfter());
        now = now.plus(Duration.ofMinutes(15));
        assertEquals(Optional.of("ok"), throttle.attempt("ada@example.com", "198.51.100.7", () -> Optional.of("ok")));
    }

    @Test
    void countsAccountsCaseInsensitively() {
        fail("Ada@Example.com", "192.0.2.1");
        fail("ADA@EXAMPLE.COM ", "192.0.2.2");
        fail("ada@example.com", "192.0.2.3");
        assertTrue(throttle.retryAfter("ada@example.com", "192.0.2.9").isPresent());
    }

    @Test
    void refusesAnAddressTryingManyAccounts() {
        for (int i = 0; i < 5; i++) {
            fail("user" + i + "@example.com", "203.0.113.9");
        }
        assertThrows(LoginThrottledException.class, () -> fail("fresh@example.com", "203.0.113.9"));
        assertTrue(throttle.retryAfter("fresh@example.com", "203.0.113.10").isEmpty(), "other addresses are fine");
    }

    @Test
    void resetsTheAccountButNotTheAddressOnSuccess() {
        fail("ada@example.com", "192.0.2.1");
        fail("ada@example.com", "192.0.2.1");
        throttle.attempt("ada@example.com", "192.0.2.1", () -> Optional.of("ok"));
        fail("ada@example.com", "192.0.2.1");
        fail("ada@example.com", "192.0.2.1");
        assertTrue(throttle.retryAfter("ada@example.com", "192.0.2.2").isEmpty(), "account count restarted");
        fail("bob@example.com", "192.0.2.1");
        assertTrue(throttle.retryAfter("carol@example.com", "192.0.2.1").isPresent(), "address kept counting: 5");
    }

    @Test
    void reportsTheLaterOfTwoWindows() {
        fail("ada@example.com", "192.0.2.1");
        fail("ada@example.com", "192.0.2.1");
        fail("ada@example.com", "192.0.2.1");
        now = now.plus(Duration.ofMinutes(5));
        fail("x@example.com", "192.0.2.1");
        fail("y@example.com", "192.0.2.1");
        assertEquals(Optional.of(Duration.ofMinutes(10)), throttle.retryAfter("ada@example.com", "192.0.2.2"));
        assertEquals(Optional.of(Duration.ofMinutes(10)), throttle.retryAfter("ada@example.com", "192.0.2.1"));
    }

    @Test
    void boundsTheKeyLengthOfAbsurdAccountNames() {
        String huge = "a".repeat(10_000);
        for (int i = 0; i < 3; i++) {
            fail(huge + i, "192.0.2." + i); // differ only after 128 characters: one key
        }
        assertTrue(throttle.retryAfter(huge, "192.0.2.50").isPresent());
    }

    @Test
    void takesTheAttemptBackWhenTheCheckFailsWithAnException() {
        for (int i = 0; i < 3; i++) {
            assertThrows(
                    IllegalStateException.class,
                    () -> throttle.attempt("ada@example.com", "192.0.2.1", () -> {
                        throw new IllegalStateException("hashing gate full");
                    }));
        }
        assertTrue(throttle.retryAfter("ada@example.com", "192.0.2.1").isEmpty(), "nothing was verified");
    }

    @Test
    void refusesTheLoginWhenTheStoreCannotCount() {
        ThrottleStore down = new ThrottleStore() {
            @Override
            public ThrottleWindow current(String key, Instant at) {
                return new ThrottleWindow(0, at);
            }

            @Override
            public ThrottleWindow increment(String key, Instant at, Duration window) {
                throw new IllegalStateException("database down");
            }

            @Override
            public void decrement(String key, Instant at) {}

            @Override
            public void reset(String key) {}

            @Override
            public int deleteExpired(Instant at) {
                return 0;
            }
        };
        LoginThrottle failClosed = new LoginThrottle(down, ThrottleConfig.defaults(), clock);
        AtomicInteger ran = new AtomicInteger();
        assertThrows(
                IllegalStateException.class,
                () -> failClosed.attempt("ada@example.com", "192.0.2.1", () -> Optional.of(ran.incrementAndGet())));
        assertEquals(0, ran.get(), "no password is checked without counting it");
    }

    @Test
    void letsAtMostTheLimitOfConcurrentWrongGuessesReachThePasswordCheck() throws Exception {
        LoginThrottle five = new LoginThrottle(
                new InMemoryThrottleStore(1000), new ThrottleConfig(5, 1000, Duration.ofMinutes(15), 1000), clock);
        int guesses = 40;
        AtomicInteger checked = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        // Each guess counts down once it is decided: refused, or inside the password check. The check
        // waits until every guess is decided, as a 250 ms bcrypt outlasts the race in production.
        CountDownLatch decided = new CountDownLatch(guesses);
        ExecutorService pool = Executors.newFixedThreadPool(guesses);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < guesses; i++) {
                String address = "192.0.2." + i;
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        five.attempt("ada@example.com", address, () -> {
                            checked.incrementAndGet();
                            decided.countDown();
                            awaitQuietly(decided);
                            return Optional.empty();
                        });
                        return true;
                    } catch (LoginThrottledException e) {
                        decided.countDown();
                        return false;
                    }
                }));
            }
            start.countDown();
            int throttled = 0;
            for (Future<Boolean> result : results) {
                throttled += result.get(30, TimeUnit.SECONDS) ? 0 : 1;
            }
            assertTrue(checked.get() <= 5, checked.get() + " of 40 concurrent guesses reached the password check");
            assertEquals(guesses - checked.get(), throttled, "every other guess is refused with 429");
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS), "every guess was decided");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
