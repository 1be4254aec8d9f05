package dev.mainstay.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The random bits of fresh request ids: 64 bits each from a {@link SecureRandom}, drawn in batches.
 *
 * <p>Why a {@code SecureRandom}: ids are echoed to every caller. The output of a fast generator such
 * as {@code ThreadLocalRandom} can be inverted to its seed, so one id would reveal the ids issued
 * before and after it on the same thread, and how many requests that thread served in between.
 *
 * <p>Why {@code DRBG} (NIST SP 800-90A Hash_DRBG with SHA-256, seeded by the operating system) and not
 * the platform default: on Linux the default, {@code NativePRNG}, XORs every byte it reads from
 * {@code /dev/urandom} with the output of a {@code SHA1PRNG}, and that mixing was the largest single
 * item in the profile of a request. In batches of {@value #BATCH_IDS} ids, a request's 24 bytes cost
 * about 0.30 microseconds from {@code NativePRNG} and 0.06 from {@code DRBG} (JDK 17, benchmarks'
 * {@code RandomBitsBenchmark}).
 *
 * <p>Why batches: each {@code DRBG} call has a fixed cost (about 0.5 microseconds for 24 bytes), which
 * one call per batch spreads thin. An app uses one source per core ({@link #striped}), picked at random
 * per id, so concurrent requests rarely wait for the same lock. A lock, not {@code synchronized}, so a
 * virtual thread that waits for a refill does not pin its carrier.
 */
final class RequestIdSource {
    static final int BATCH_IDS = 512;
    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final SecureRandom random = drbg();
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

    /**
     * Returns a new {@code DRBG}; or, on a runtime whose providers lack it (every OpenJDK build has it),
     * the platform default, which is as safe and only slower.
     */
    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
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
