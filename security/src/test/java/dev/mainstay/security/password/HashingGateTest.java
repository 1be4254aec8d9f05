package dev.mainstay.security.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HashingGateTest {

    /** Occupies the gate's only slot until {@code release} is counted down. */
    private static CompletableFuture<Void> occupy(HashingGate gate, CountDownLatch running, CountDownLatch release) {
        return CompletableFuture.runAsync(() -> gate.run(() -> {
            running.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
    }

    @Test
    void failsFastWithRetryAfterWhenEverySlotIsBusyAndNoOneMayWait() throws Exception {
        HashingGate gate = new HashingGate(1, 0, Duration.ofSeconds(3));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = occupy(gate, running, release);
        running.await();
        long start = System.nanoTime();
        HashingBusyException busy = assertThrows(HashingBusyException.class, () -> gate.run(() -> "never"));
        // Well under maxWait (3 s): a caller that queued would have waited all of it.
        assertTrue(System.nanoTime() - start < 2_500_000_000L, "a full queue must not wait");
        assertEquals(Duration.ofSeconds(3), busy.retryAfter());
        release.countDown();
        holder.get();
        assertEquals("ran", gate.run(() -> "ran"), "the slot is free again");
    }

    @Test
    void waitsUpToTheLimitThenGivesUpWithAtLeastOneSecondRetryAfter() throws Exception {
        HashingGate gate = new HashingGate(1, 4, Duration.ofMillis(100));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = occupy(gate, running, release);
        running.await();
        long start = System.nanoTime();
        HashingBusyException busy = assertThrows(HashingBusyException.class, () -> gate.run(() -> "never"));
        assertTrue(System.nanoTime() - start >= 90_000_000L, "must have waited");
        assertEquals(Duration.ofSeconds(1), busy.retryAfter());
        release.countDown();
        holder.get();
    }

    @Test
    void neverRunsMoreThanTheBoundAtOnce() throws Exception {
        HashingGate gate = new HashingGate(2, 100, Duration.ofSeconds(10));
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CompletableFuture<?>[] calls = new CompletableFuture<?>[12];
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        for (int i = 0; i < calls.length; i++) {
            calls[i] = CompletableFuture.runAsync(
                    () -> gate.run(() -> {
                        most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        try {
                            Thread.sleep(5);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return inside.decrementAndGet();
                    }),
                    pool);
        }
        CompletableFuture.allOf(calls).get();
        pool.shutdown();
        assertTrue(most.get() <= 2, "at most 2 at once, saw " + most.get());
    }

    @Test
    void appliesTheConfiguredBoundToTheBcryptHasherForHashAndVerify() throws Exception {
        BcryptHasher hasher =
                (BcryptHasher) PasswordHasher.bcrypt(new PasswordConfig(10, 12, true, 1, 0, Duration.ZERO));
        HashingGate gate = hasher.gate();
        String hash = hasher.hash("a password that is long enough");
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = occupy(gate, running, release);
        running.await();
        assertThrows(HashingBusyException.class, () -> hasher.hash("second password"));
        assertThrows(HashingBusyException.class, () -> hasher.verify("a password that is long enough", hash));
        release.countDown();
        holder.get();
        assertTrue(hasher.verify("a password that is long enough", hash), "the slot is free again");
    }

    @Test
    void runsTheWorkOnItsOwnPlatformThreadSoVirtualCallersDoNotPinTheirCarriers() {
        HashingGate gate = new HashingGate(1, 0, Duration.ofSeconds(1));
        Thread hasher = gate.run(Thread::currentThread);
        assertNotSame(Thread.currentThread(), hasher);
        assertTrue(hasher.getName().startsWith("mainstay-hasher-"), hasher.getName());
        assertTrue(hasher.isDaemon(), "an idle gate must not keep the JVM alive");
    }

    @Test
    void passesTheWorksOwnExceptionToTheCallerAndFreesTheSlot() {
        HashingGate gate = new HashingGate(1, 0, Duration.ofSeconds(1));
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> gate.run(() -> {
            throw new IllegalArgumentException("bad salt");
        }));
        assertEquals("bad salt", thrown.getMessage());
        assertEquals("ran", gate.run(() -> "ran"), "a failed hash must give its slot back");
    }

    @Test
    void aCallerThatGotItsResultFindsItsSlotFreeForTheNextCall() {
        HashingGate gate = new HashingGate(1, 0, Duration.ZERO); // no waiting: a slot still held fails at once
        for (int i = 0; i < 2_000; i++) {
            assertEquals("ran", gate.run(() -> "ran"), "call " + i);
        }
    }

    @Test
    void anInterruptedCallerGetsBusyWhileTheHashKeepsItsSlotUntilItEnds() throws Exception {
        HashingGate gate = new HashingGate(1, 0, Duration.ZERO);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> interruptedAfterwards = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                gate.run(() -> {
                    running.countDown();
                    awaitQuietly(release);
                    return "late";
                });
                interruptedAfterwards.completeExceptionally(new AssertionError("run returned"));
            } catch (HashingBusyException expected) {
                interruptedAfterwards.complete(Thread.currentThread().isInterrupted());
            }
        });
        caller.start();
        running.await();
        caller.interrupt();
        assertTrue(interruptedAfterwards.get(5, TimeUnit.SECONDS), "the interrupt must stay visible");
        assertThrows(HashingBusyException.class, () -> gate.run(() -> "second"), "the first hash still runs");
        release.countDown();
        assertEquals("ran", runWhenFree(gate), "the slot comes back when the hash ends");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String runWhenFree(HashingGate gate) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            try {
                return gate.run(() -> "ran");
            } catch (HashingBusyException stillBusy) {
                if (System.nanoTime() > deadline) {
                    throw stillBusy;
                }
                Thread.sleep(10);
            }
        }
    }
}
