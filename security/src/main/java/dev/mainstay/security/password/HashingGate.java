package dev.mainstay.security.password;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Bounds how many hashes run at once and how many callers may wait, so that a login flood queues
 * briefly and then fails fast instead of occupying every request thread for seconds.
 *
 * <p>The hashes themselves run on a small pool of platform threads, one per slot, never on the
 * caller's thread. On Java 21+ the callers are virtual threads: a virtual thread that computes a
 * 60 ms hash holds its carrier for all of it, so as many hashes as there are cores would stall every
 * other request in the process. Waiting for the pool instead parks the virtual thread and frees its
 * carrier. On Java 17 the hand-off costs a few microseconds against tens of milliseconds of bcrypt.
 *
 * <p>Thread-safe. Waiting is fair (first come, first served) and bounded both in count and in time.
 * The pool's threads are daemons that end after 30 s idle, so a gate needs no closing.
 */
final class HashingGate {
    private static final AtomicInteger GATES = new AtomicInteger();

    private final Semaphore slots;
    private final AtomicInteger waiting = new AtomicInteger();
    private final int maxQueued;
    private final Duration maxWait;
    private final ExecutorService hashers;

    HashingGate(int maxConcurrent, int maxQueued, Duration maxWait) {
        this.slots = new Semaphore(maxConcurrent, true);
        this.maxQueued = maxQueued;
        this.maxWait = maxWait;
        this.hashers = hasherPool(maxConcurrent);
    }

    /**
     * Runs {@code work} in a hashing slot, on one of the gate's platform threads, and waits for it.
     *
     * @throws HashingBusyException if the queue is full, the wait times out or the thread is interrupted
     */
    <T> T run(Supplier<T> work) {
        acquire();
        Future<T> result;
        try {
            // The task gives the slot back itself, before its result is published: a caller that
            // stops waiting (interrupted) cannot let a further hash start while this one still runs,
            // and a caller that got its result finds the slot already free for its next call.
            result = hashers.submit(() -> {
                try {
                    return work.get();
                } finally {
                    slots.release();
                }
            });
        } catch (RuntimeException | Error notStarted) { // e.g. no native thread could be created
            slots.release();
            throw notStarted;
        }
        return await(result);
    }

    private <T> T await(Future<T> result) {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        } catch (ExecutionException e) {
            // The work's own exception, thrown again on the caller's thread (its trace shows the hasher's).
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("Password hashing failed", cause); // a checked one, thrown sneakily
        }
    }

    private void acquire() {
        try {
            // With a timeout, even zero, a fair semaphore serves the callers already waiting first;
            // tryAcquire() without one would let a newcomer jump the queue.
            if (slots.tryAcquire(0, TimeUnit.NANOSECONDS)) {
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
            } finally {
                waiting.decrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
    }

    private HashingBusyException busy() {
        // Suggest a wait of at least a second, the smallest value Retry-After can carry.
        return new HashingBusyException(maxWait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : maxWait);
    }

    private static ExecutorService hasherPool(int threads) {
        // The semaphore admits at most `threads` tasks at a time. A task frees its slot just before it
        // ends, so the queue holds the next task only until that task's thread is free again.
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), hasherThreads());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static ThreadFactory hasherThreads() {
        int gate = GATES.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        return task -> {
            // Made on a caller's thread: inherit none of its inheritable thread-locals (request data).
            Thread thread = new Thread(null, task, "mainstay-hasher-" + gate + "-" + count.incrementAndGet(), 0, false);
            thread.setDaemon(true);
            return thread;
        };
    }
}
