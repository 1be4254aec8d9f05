package dev.mainstay.security.password;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Bounds how many hashes run at once and how many callers may wait, so that a login flood queues
 * briefly and then fails fast instead of occupying every request thread for seconds.
 *
 * <p>Thread-safe. Waiting is fair (first come, first served) and bounded both in count and in time.
 */
final class HashingGate {
    private final Semaphore slots;
    private final AtomicInteger waiting = new AtomicInteger();
    private final int maxQueued;
    private final Duration maxWait;

    HashingGate(int maxConcurrent, int maxQueued, Duration maxWait) {
        this.slots = new Semaphore(maxConcurrent, true);
        this.maxQueued = maxQueued;
        this.maxWait = maxWait;
    }

    /**
     * Runs {@code work} in a hashing slot.
     *
     * @throws HashingBusyException if the queue is full, the wait times out or the thread is interrupted
     */
    <T> T run(Supplier<T> work) {
        acquire();
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }

    private void acquire() {
        if (slots.tryAcquire()) {
            return;
        }
        if (waiting.incrementAndGet() > maxQueued) {
            waiting.decrementAndGet();
            throw busy();
        }
        try {
            if (!slots.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        } finally {
            waiting.decrementAndGet();
        }
    }

    private HashingBusyException busy() {
        // Suggest a wait of at least a second, the smallest value Retry-After can carry.
        return new HashingBusyException(maxWait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : maxWait);
    }
}
