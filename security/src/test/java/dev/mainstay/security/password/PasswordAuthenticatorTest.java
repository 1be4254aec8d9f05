package dev.mainstay.security.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PasswordAuthenticatorTest {
    record User(String email, String hash) {}

    /** Records every hash made and every hash verify() was asked to check, to prove equal work per path. */
    static final class RecordingHasher implements PasswordHasher {
        final PasswordHasher real = PasswordHasher.bcrypt(10);
        final List<String> made = new ArrayList<>();
        final List<String> verified = new ArrayList<>();

        @Override
        public String hash(String password) {
            String hash = real.hash(password);
            made.add(hash);
            return hash;
        }

        /** Full-cost hash computations since the last {@link #clear()}: each hash and each verify is one. */
        int work() {
            return made.size() + verified.size();
        }

        void clear() {
            made.clear();
            verified.clear();
        }

        @Override
        public boolean verify(String password, String storedHash) {
            verified.add(storedHash);
            return real.verify(password, storedHash);
        }

        @Override
        public boolean needsRehash(String storedHash) {
            return real.needsRehash(storedHash);
        }
    }

    private final RecordingHasher hasher = new RecordingHasher();
    private final AtomicInteger lookups = new AtomicInteger();
    private final Map<String, User> users = Map.of(
            "ada@example.com", new User("ada@example.com", hasher.hash("ada's long password")),
            "old@example.com",
                    new User("old@example.com", PasswordHasher.bcrypt(11).hash("old user's password")),
            "sso@example.com", new User("sso@example.com", null));
    private final PasswordAuthenticator<User> authenticator = new PasswordAuthenticator<>(
            hasher,
            email -> {
                lookups.incrementAndGet();
                return Optional.ofNullable(users.get(email));
            },
            User::hash);

    @Test
    void authenticatesTheRightPasswordWithoutRehashingACurrentHash() {
        Authenticated<User> login = authenticator
                .authenticate("ada@example.com", "ada's long password")
                .orElseThrow();
        assertEquals("ada@example.com", login.user().email());
        assertTrue(login.upgradedHash().isEmpty());
    }

    @Test
    void refusesAWrongPassword() {
        assertTrue(authenticator
                .authenticate("ada@example.com", "not ada's password")
                .isEmpty());
    }

    @Test
    void spendsOneFullHashAtTheCurrentCostOnEveryUnknownUser() {
        hasher.clear();
        assertTrue(authenticator
                .authenticate("nobody@example.com", "whatever password")
                .isEmpty());
        assertEquals(1, hasher.work(), "the first unknown user makes the dummy: one hash, like a wrong password");
        hasher.clear();
        assertTrue(authenticator
                .authenticate("nobody-else@example.com", "whatever password")
                .isEmpty());
        assertEquals(1, hasher.verified.size(), "later ones verify against it: one verify, like a wrong password");
        assertEquals(1, hasher.work());
        assertFalse(hasher.needsRehash(hasher.verified.get(0)), "the dummy hash has the current cost");
    }

    @Test
    void makesNoHashBeforeTheFirstLogin() {
        hasher.clear();
        new PasswordAuthenticator<>(hasher, email -> Optional.<User>empty(), User::hash);
        assertEquals(0, hasher.work(), "start-up must not pay for the dummy hash");
    }

    @Test
    void spendsTheSameWorkOnANullLoginAndOnAUserWithoutPassword() {
        hasher.clear();
        assertTrue(authenticator.authenticate(null, "whatever password").isEmpty());
        assertTrue(authenticator
                .authenticate("sso@example.com", "whatever password")
                .isEmpty());
        assertEquals(2, hasher.work());
        assertFalse(hasher.verified.contains(null), "a missing hash is replaced by the dummy");
    }

    @Test
    void returnsAnUpgradedHashWhenTheStoredOneHasAnOldCost() {
        Authenticated<User> login = authenticator
                .authenticate("old@example.com", "old user's password")
                .orElseThrow();
        String upgraded = login.upgradedHash().orElseThrow();
        assertTrue(hasher.verify("old user's password", upgraded));
        assertFalse(hasher.needsRehash(upgraded));
        assertFalse(login.toString().contains(upgraded), "toString must not show the hash");
    }

    @Test
    void refusesAnOverlongPasswordBeforeLookingUpTheUser() {
        lookups.set(0);
        assertThrows(
                PasswordRejectedException.class, () -> authenticator.authenticate("ada@example.com", "a".repeat(73)));
        assertThrows(PasswordRejectedException.class, () -> authenticator.authenticate("ada@example.com", null));
        assertEquals(0, lookups.get());
    }

    @Test
    void verifiesUnknownUsersAtTheCostOfTheStoredHashesAfterACostChange() {
        // The configured cost (10) is newer than old@example.com's hash (11): a dummy at cost 10 would
        // answer unknown users faster than this existing account, telling them apart.
        assertTrue(authenticator.authenticate("old@example.com", "a wrong password").isEmpty());
        hasher.clear();
        assertTrue(authenticator
                .authenticate("nobody@example.com", "whatever password")
                .isEmpty());
        assertEquals(0, hasher.made.size(), "no hash at the new cost");
        assertEquals(1, hasher.verified.size());
        assertTrue(hasher.verified.get(0).startsWith("$2a$11$"), "the dummy has the stored hashes' cost");
        assertFalse(hasher.verify("whatever password", hasher.verified.get(0)), "the dummy matches nothing");
    }
}
