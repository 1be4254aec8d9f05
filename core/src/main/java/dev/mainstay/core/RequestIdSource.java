package dev.mainstay.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The random bits of fresh request ids: 64 bits each from a {@link SecureRandom}, drawn in batches.
 *
 * <p>Why a {@code SecureRandom}: ids are echoed to every caller. The output of a fast generator such
 * as {@code ThreadLocalRandom} can be inverted to its seed, so one id would reveal the ids issued
 * before and after it on the same thread, and how many requests that thread served in between.
 * Why batches: on Linux every {@code SecureRandom} call reads {@code /dev/urandom} under a JVM-wide
 * lock (about 0.2 microseconds of CPU, and several of waiting on a busy machine); one call per
 * {@value #BATCH_IDS} ids spreads that over the batch. An app uses one source per
 * core ({@link #striped}), picked at random per id, so concurrent requests rarely wait for the same
 * lock. A lock, not {@code synchronized}, so a virtual thread that waits for a refill does not pin
 * its carrier.
 */
final class RequestIdSource {
    static final int BATCH_IDS = 512;
    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final SecureRandom random = new SecureRandom();
    private final ReentrantLock lock = new ReentrantLock();
    private final byte[] batch = new byte[BATCH_IDS * Long.BYTES];
    private int next = batch.length;

    /** Returns {@code count} independent sources, each with its own {@code SecureRandom} and lock. */
    static RequestIdSource[] striped(int count) {
        RequestIdSource[] sources = new RequestIdSource[Math.max(1, count)];
        for (int i = 0; i < sources.length; i++) {
            sources[i] = new RequestIdSource();
        }
        return sources;
    }

    /** Returns 64 fresh random bits; thread-safe. */
    long nextLong() {
        long[] one = new long[1];
        fill(one);
        return one[0];
    }

    /**
     * Fills {@code out} with fresh random bits under one lock acquisition: a request needs three longs
     * (trace id and span id), and one acquisition instead of three is cheaper and waits less.
     */
    void fill(long[] out) {
        lock.lock();
        try {
            for (int i = 0; i < out.length; i++) {
                if (next == batch.length) {
                    random.nextBytes(batch);
                    next = 0;
                }
                out[i] = (long) LONGS.get(batch, next);
                next += Long.BYTES;
            }
        } finally {
            lock.unlock();
        }
    }
}
