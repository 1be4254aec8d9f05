package dev.mainstay.security.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.test.security.PasswordHasherContract;
import org.junit.jupiter.api.Test;

/** Runs the hasher contract against bcrypt, plus bcrypt's own traps. */
class BcryptHasherTest extends PasswordHasherContract {
    @Override
    protected PasswordHasher newHasher() {
        return PasswordHasher.bcrypt(10);
    }

    @Override
    protected PasswordHasher newHasherWithOtherParameters() {
        return PasswordHasher.bcrypt(11);
    }

    @Test
    void writesTheConfiguredCostInto2aHashes() {
        String hash = PasswordHasher.bcrypt(11).hash("some password");
        assertTrue(hash.startsWith("$2a$11$"), hash);
        assertEquals(60, hash.length());
    }

    @Test
    void refusesACostOutside10To16NamingTheKey() {
        IllegalArgumentException low = assertThrows(IllegalArgumentException.class, () -> PasswordHasher.bcrypt(9));
        assertEquals("security.password.cost must be from 10 to 16, not 9", low.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PasswordHasher.bcrypt(17));
    }

    @Test
    void verifies2bAnd2yHashesOfOtherSystems() {
        String hash = PasswordHasher.bcrypt(10).hash("interop password");
        PasswordHasher hasher = PasswordHasher.bcrypt(10);
        assertTrue(hasher.verify("interop password", "$2b$" + hash.substring(4)));
        assertTrue(hasher.verify("interop password", "$2y$" + hash.substring(4)));
        assertFalse(hasher.verify("interop password", "$2x$" + hash.substring(4)), "$2x$ is the buggy variant");
    }

    @Test
    void refusesToSpendMinutesOnAHashWithAHugeCost() {
        String hash = PasswordHasher.bcrypt(10).hash("x");
        String huge = "$2a$31$" + hash.substring(7);
        long start = System.nanoTime();
        assertFalse(PasswordHasher.bcrypt(10).verify("x", huge));
        assertTrue(System.nanoTime() - start < 30_000_000_000L, "a cost-31 hash takes hours"); // not a timing test
        assertTrue(PasswordHasher.bcrypt(10).needsRehash(huge));
    }
}
