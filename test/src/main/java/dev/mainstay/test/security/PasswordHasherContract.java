package dev.mainstay.test.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.security.password.HashingBusyException;
import dev.mainstay.security.password.PasswordHasher;
import dev.mainstay.security.password.PasswordRejectedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link PasswordHasher} must have; extend it once per implementation.
 *
 * <p>Shipped in mainstay-test (which needs mainstay-security on the test classpath for this class). Use the cheapest parameters the implementation
 * allows: the tests hash a few dozen times.
 */
public abstract class PasswordHasherContract {
    /** 72 bytes: 24 euro signs of 3 UTF-8 bytes each, though only 24 characters. */
    protected static final String EXACTLY_72_BYTES = "€".repeat(24);

    /**
     * Returns a hasher to test; called once or more per test.
     *
     * @return a new hasher with the cheapest parameters the implementation allows
     */
    protected abstract PasswordHasher newHasher();

    /**
     * Returns a hasher of the same kind with other parameters (e.g. another cost).
     *
     * @return a hasher whose hashes {@link #newHasher()}'s reports as needing a rehash
     */
    protected abstract PasswordHasher newHasherWithOtherParameters();

    @Test
    void verifiesThePasswordItHashed() {
        PasswordHasher hasher = newHasher();
        String hash = hasher.hash("correct horse battery staple");
        assertTrue(hasher.verify("correct horse battery staple", hash));
    }

    @Test
    void rejectsAWrongPassword() {
        PasswordHasher hasher = newHasher();
        String hash = hasher.hash("correct horse battery staple");
        assertFalse(hasher.verify("correct horse battery stapler", hash));
        assertFalse(hasher.verify("", hash));
    }

    @Test
    void saltsEveryHash() {
        PasswordHasher hasher = newHasher();
        assertNotEquals(hasher.hash("same password"), hasher.hash("same password"));
    }

    @Test
    void neverStoresThePasswordInTheHash() {
        String hash = newHasher().hash("plain-text-password");
        assertFalse(hash.contains("plain-text-password"));
    }

    @Test
    void refusesToHashOrVerifyANullPassword() {
        PasswordHasher hasher = newHasher();
        String hash = hasher.hash("null");
        assertEquals(
                PasswordRejectedException.Reason.MISSING,
                assertThrows(PasswordRejectedException.class, () -> hasher.hash(null))
                        .reason());
        assertThrows(PasswordRejectedException.class, () -> hasher.verify(null, hash));
    }

    @Test
    void acceptsExactly72BytesAndRefusesOneByteMoreOnHashAndVerify() {
        PasswordHasher hasher = newHasher();
        String hash = hasher.hash(EXACTLY_72_BYTES);
        assertTrue(hasher.verify(EXACTLY_72_BYTES, hash));
        String tooLong = EXACTLY_72_BYTES + "x";
        assertEquals(
                PasswordRejectedException.Reason.TOO_LONG,
                assertThrows(PasswordRejectedException.class, () -> hasher.hash(tooLong))
                        .reason());
        // bcrypt would truncate to the first 72 bytes and say "match": the guard must refuse first.
        assertThrows(PasswordRejectedException.class, () -> hasher.verify(tooLong, hash));
    }

    @Test
    void refusesHalfASurrogatePairOnHashAndVerifyButKeepsWholeOnes() {
        PasswordHasher hasher = newHasher();
        // UTF-8 turns a lone surrogate into '?': without the guard these three would share one hash.
        String loneHigh = "correct horse \uD800 staple";
        String question = "correct horse ? staple";
        String hash = hasher.hash(question);
        assertEquals(
                PasswordRejectedException.Reason.NOT_TEXT,
                assertThrows(PasswordRejectedException.class, () -> hasher.hash(loneHigh))
                        .reason());
        assertThrows(PasswordRejectedException.class, () -> hasher.verify("correct horse \uDFFF staple", hash));
        String emoji = "correct horse \uD83D\uDC0E staple"; // a whole pair: one character, four bytes
        assertTrue(hasher.verify(emoji, hasher.hash(emoji)));
        assertFalse(hasher.verify(question, hasher.hash(emoji)));
    }

    @Test
    void countsBytesNotCharacters() {
        String twentyFiveEuros = "€".repeat(25); // 25 characters, 75 bytes
        assertThrows(PasswordRejectedException.class, () -> newHasher().hash(twentyFiveEuros));
    }

    @Test
    void treatsANullOrMalformedStoredHashAsAMismatchWithoutThrowing() {
        PasswordHasher hasher = newHasher();
        String good = hasher.hash("password-one");
        for (String bad : new String[] {
            null, "", "garbage", good.substring(0, good.length() - 1), good + "x", "$2x$10$" + good.substring(7)
        }) {
            assertFalse(hasher.verify("password-one", bad), "stored hash: " + bad);
        }
    }

    @Test
    void saysAFreshHashNeedsNoRehash() {
        PasswordHasher hasher = newHasher();
        assertFalse(hasher.needsRehash(hasher.hash("password-two")));
    }

    @Test
    void saysAHashWithOtherParametersOrMalformedNeedsRehashButStillVerifies() {
        PasswordHasher current = newHasher();
        String old = newHasherWithOtherParameters().hash("password-three");
        assertTrue(current.needsRehash(old));
        assertTrue(current.verify("password-three", old));
        assertTrue(current.needsRehash("garbage"));
        assertTrue(current.needsRehash(null));
    }

    @Test
    void handlesNonAsciiPasswords() {
        PasswordHasher hasher = newHasher();
        String password = "пароль-密码-🔑";
        String hash = hasher.hash(password);
        assertTrue(hasher.verify(password, hash));
        assertFalse(hasher.verify("пароль-密码-🔒", hash));
    }

    /**
     * Concurrent calls never mix up their answers. A hasher may refuse a call it has no capacity for with
     * {@link HashingBusyException}, the documented answer to overload (the bcrypt hasher's gate admits one
     * hash per core but one, and on a busy 2-core build machine eight at once wait longer than its 2 s);
     * every call it accepts must be right, and it must accept some.
     */
    @Test
    void isSafeToUseFromManyThreads() throws Exception {
        PasswordHasher hasher = newHasher();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String password = "thread-password-" + i;
                String other = "thread-password-" + (i + 1);
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        String hash = hasher.hash(password);
                        assertTrue(hasher.verify(password, hash), password);
                        assertFalse(hasher.verify(other, hash), other + " against the hash of " + password);
                        return "accepted";
                    } catch (HashingBusyException refused) {
                        return "refused";
                    }
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> result : results) {
                outcomes.add(result.get()); // an assertion failure or another exception fails the test here
            }
            assertTrue(outcomes.contains("accepted"), "every call was refused: " + outcomes);
        } finally {
            pool.shutdownNow();
        }
    }
}
