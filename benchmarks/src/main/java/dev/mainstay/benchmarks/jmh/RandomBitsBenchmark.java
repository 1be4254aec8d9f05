package dev.mainstay.benchmarks.jmh;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The random bits behind request ids: one refill of core's batch (512 ids of 8 bytes, as
 * {@code RequestIdSource} draws them) from the platform's default {@code SecureRandom} ({@code NativePRNG}
 * on Linux, which mixes every byte with a {@code SHA1PRNG}) and from {@code DRBG} (Hash_DRBG, SHA-256),
 * which core uses. Divide a score's time by 512/3 for the cost of one request's 24 bytes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RandomBitsBenchmark {
    /** The generator: the platform default, or the one core uses. */
    @Param({"default", "DRBG"})
    String generator;

    private final byte[] batch = new byte[512 * Long.BYTES];
    private SecureRandom random;

    /** Creates the generator named by {@link #generator}. */
    @Setup
    public void setUp() throws NoSuchAlgorithmException {
        random = generator.equals("default") ? new SecureRandom() : SecureRandom.getInstance(generator);
    }

    /** Refills one batch. */
    @Benchmark
    public byte[] refill() {
        random.nextBytes(batch);
        return batch;
    }
}
