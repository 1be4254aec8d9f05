package dev.mainstay.test.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.security.token.RefreshTokenStore;
import dev.mainstay.security.token.StoredRefreshToken;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link RefreshTokenStore} must have; extend it once per implementation.
 *
 * <p>Shipped in mainstay-test (which needs mainstay-security on the test classpath for this class). A
 * subclass only says how to make a fresh, empty store:
 *
 * <pre>{@code
 * class DatabaseRefreshTokenStoreIT extends RefreshTokenStoreContract {
 *     protected RefreshTokenStore newStore() { return DatabaseRefreshTokenStore.create(database); }
 * }
 * }</pre>
 *
 * <p>Each test makes its own tokens with random hashes, subjects and families, so a store backed by a
 * shared database table need not be emptied between tests. Instants are whole milliseconds, the
 * precision every store must keep.
 */
public abstract class RefreshTokenStoreContract {
    /** A fixed "now", truncated to milliseconds so database stores compare equal. */
    protected static final Instant NOW = Instant.parse("2030-01-02T03:04:05.678Z");

    private RefreshTokenStore store;

    /**
     * Returns a new store; it may share data with earlier ones, as a database table does.
     *
     * @return the store under test; called before each test
     */
    protected abstract RefreshTokenStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    /**
     * Returns a new unused, unrevoked token that expires in an hour.
     *
     * @param familyId the family it belongs to
     * @param subject the user it was issued to
     * @return a token issued at {@link #NOW} with a random hash
     */
    protected static StoredRefreshToken token(String familyId, String subject) {
        return new StoredRefreshToken(
                "hash-" + UUID.randomUUID(), familyId, subject, NOW, NOW.plus(Duration.ofHours(1)), null, null);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    @Test
    void findsASavedTokenByItsHashWithEveryField() {
        StoredRefreshToken token = token(unique("family"), unique("subject"));
        store.save(token);
        assertEquals(Optional.of(token), store.find(token.tokenHash()));
    }

    @Test
    void findsNothingForAnUnknownHash() {
        assertTrue(store.find(unique("unknown")).isEmpty());
    }

    @Test
    void refusesASecondTokenWithTheSameHashAndKeepsTheFirst() {
        StoredRefreshToken first = token(unique("family"), unique("subject"));
        store.save(first);
        StoredRefreshToken clash = new StoredRefreshToken(
                first.tokenHash(), unique("other"), unique("other"), NOW, NOW.plusSeconds(5), null, null);
        assertThrows(RuntimeException.class, () -> store.save(clash));
        assertEquals(Optional.of(first), store.find(first.tokenHash()));
    }

    @Test
    void marksAnUnusedTokenUsedOnlyOnce() {
        StoredRefreshToken token = token(unique("family"), unique("subject"));
        store.save(token);
        Instant at = NOW.plusSeconds(10);
        assertTrue(store.markUsed(token.tokenHash(), at));
        assertFalse(store.markUsed(token.tokenHash(), at.plusSeconds(1)));
        assertEquals(at, store.find(token.tokenHash()).orElseThrow().usedAt());
    }

    @Test
    void keepsWhenTheFamilyStartedThroughSaveAndFind() {
        Instant login = NOW.minus(Duration.ofDays(3));
        StoredRefreshToken rotated = new StoredRefreshToken(
                "hash-" + UUID.randomUUID(), unique("family"), unique("subject"), NOW, NOW.plus(Duration.ofHours(1)),
                null, null, login);
        store.save(rotated);
        assertEquals(login, store.find(rotated.tokenHash()).orElseThrow().familyStartedAt());
    }

    @Test
    void exchangesAnUnusedTokenForTheNextOfItsFamilyOnce() {
        StoredRefreshToken presented = token(unique("family"), unique("subject"));
        store.save(presented);
        StoredRefreshToken next = token(presented.familyId(), presented.subject());
        Instant at = NOW.plusSeconds(10);

        assertTrue(store.exchange(presented.tokenHash(), next, at));
        assertEquals(at, store.find(presented.tokenHash()).orElseThrow().usedAt());
        assertNull(store.find(next.tokenHash()).orElseThrow().revokedAt());

        StoredRefreshToken another = token(presented.familyId(), presented.subject());
        assertFalse(store.exchange(presented.tokenHash(), another, at.plusSeconds(1)), "a reuse exchanges nothing");
        assertTrue(store.find(another.tokenHash()).isEmpty(), "a reuse saves nothing");
        assertNotNull(store.find(next.tokenHash()).orElseThrow().revokedAt(), "a reuse revokes the family");
    }

    @Test
    void doesNotMarkAnUnknownTokenUsed() {
        assertFalse(store.markUsed(unique("unknown"), NOW));
    }

    @Test
    void doesNotMarkARevokedTokenUsed() {
        StoredRefreshToken token = token(unique("family"), unique("subject"));
        store.save(token);
        store.revokeFamily(token.familyId(), NOW);
        assertFalse(store.markUsed(token.tokenHash(), NOW.plusSeconds(1)));
        assertNull(store.find(token.tokenHash()).orElseThrow().usedAt());
    }

    @Test
    void letsExactlyOneOfManyConcurrentRotationsWin() throws Exception {
        StoredRefreshToken token = token(unique("family"), unique("subject"));
        store.save(token);
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return store.markUsed(token.tokenHash(), NOW.plusSeconds(1));
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get() ? 1 : 0;
            }
            assertEquals(1, winners);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void revokesEveryTokenOfAFamilyAndNoOther() {
        String family = unique("family");
        String subject = unique("subject");
        StoredRefreshToken first = token(family, subject);
        StoredRefreshToken second = token(family, subject);
        StoredRefreshToken otherFamily = token(unique("family"), subject);
        List.of(first, second, otherFamily).forEach(store::save);
        store.markUsed(first.tokenHash(), NOW.plusSeconds(1));

        store.revokeFamily(family, NOW.plusSeconds(2));

        assertEquals(NOW.plusSeconds(2), revokedAt(first));
        assertEquals(NOW.plusSeconds(2), revokedAt(second));
        assertNull(revokedAt(otherFamily));
        assertNotNull(store.find(first.tokenHash()).orElseThrow().usedAt(), "revocation keeps usedAt");
    }

    @Test
    void keepsTheFirstRevocationTimeWhenRevokedAgain() {
        StoredRefreshToken token = token(unique("family"), unique("subject"));
        store.save(token);
        store.revokeFamily(token.familyId(), NOW.plusSeconds(1));
        store.revokeFamily(token.familyId(), NOW.plusSeconds(9));
        store.revokeSubject(token.subject(), NOW.plusSeconds(10));
        assertEquals(NOW.plusSeconds(1), revokedAt(token));
    }

    @Test
    void revokesEveryTokenOfASubjectAcrossFamilies() {
        String subject = unique("subject");
        StoredRefreshToken phone = token(unique("family"), subject);
        StoredRefreshToken laptop = token(unique("family"), subject);
        StoredRefreshToken someoneElse = token(unique("family"), unique("subject"));
        List.of(phone, laptop, someoneElse).forEach(store::save);

        store.revokeSubject(subject, NOW.plusSeconds(3));

        assertEquals(NOW.plusSeconds(3), revokedAt(phone));
        assertEquals(NOW.plusSeconds(3), revokedAt(laptop));
        assertNull(revokedAt(someoneElse));
    }

    @Test
    void deletesOnlyTokensThatExpiredBeforeNow() {
        String family = unique("family");
        StoredRefreshToken expired = new StoredRefreshToken(
                unique("hash"), family, "s", NOW.minusSeconds(20), NOW.minusMillis(1), null, null);
        StoredRefreshToken expiresNow =
                new StoredRefreshToken(unique("hash"), family, "s", NOW.minusSeconds(20), NOW, null, null);
        StoredRefreshToken live = token(family, "s");
        List.of(expired, expiresNow, live).forEach(store::save);

        int deleted = store.deleteExpired(NOW);

        assertTrue(deleted >= 1, "deleted " + deleted);
        assertTrue(store.find(expired.tokenHash()).isEmpty());
        assertTrue(store.find(expiresNow.tokenHash()).isPresent(), "expiry is exclusive of now");
        assertTrue(store.find(live.tokenHash()).isPresent());
    }

    @Test
    void keepsMillisecondPrecision() {
        Instant precise = NOW.plusMillis(123).truncatedTo(ChronoUnit.MILLIS);
        StoredRefreshToken token = new StoredRefreshToken(
                unique("hash"), unique("family"), "s", precise, precise.plusMillis(1), null, null);
        store.save(token);
        assertEquals(
                precise.plusMillis(1),
                store.find(token.tokenHash()).orElseThrow().expiresAt());
    }

    private Instant revokedAt(StoredRefreshToken token) {
        return store.find(token.tokenHash()).orElseThrow().revokedAt();
    }
}
