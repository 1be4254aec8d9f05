package dev.mainstay.benchmarks.jmh;

import dev.mainstay.security.password.PasswordHasher;
import java.util.concurrent.TimeUnit;
import org.mindrot.jbcrypt.BCrypt;
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
 * What one password hash and one login check cost at the bcrypt costs Mainstay accepts by default
 * (12) and at its floor (10), through {@link PasswordHasher} and, as the control, jBCrypt itself.
 *
 * <p>The number sizes the login path: at cost 12 one core does about four logins a second, which is
 * why mainstay-security bounds concurrent hashing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class BcryptBenchmark {
    private static final String PASSWORD = "correct horse battery staple";

    @Param({"10", "12"})
    int cost;

    private PasswordHasher hasher;
    private String storedHash;

    /** Builds the hasher and one stored hash to verify against. */
    @Setup
    public void setUp() {
        hasher = PasswordHasher.bcrypt(cost);
        storedHash = hasher.hash(PASSWORD);
    }

    /** A new hash (register, password change): Mainstay's guards plus bcrypt. */
    @Benchmark
    public String hash() {
        return hasher.hash(PASSWORD);
    }

    /** A login check against a stored hash. */
    @Benchmark
    public boolean verify() {
        return hasher.verify(PASSWORD, storedHash);
    }

    /** The control: jBCrypt alone, without Mainstay's guards and concurrency gate. */
    @Benchmark
    public String jbcryptHash() {
        return BCrypt.hashpw(PASSWORD, BCrypt.gensalt(cost));
    }
}
