package dev.mainstay.security.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RefreshTokensTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final AtomicInteger finds = new AtomicInteger();
    private final InMemoryRefreshTokenStore memory = new InMemoryRefreshTokenStore();
    private final RefreshTokenStore store = new RefreshTokenStore() {
        @Override
        public void save(StoredRefreshToken token) {
            memory.save(token);
        }

        @Override
        public Optional<StoredRefreshToken> find(String tokenHash) {
            finds.incrementAndGet();
            return memory.find(tokenHash);
        }

        @Override
        public boolean markUsed(String tokenHash, Instant at) {
            return memory.markUsed(tokenHash, at);
        }

        @Override
        public void revokeFamily(String familyId, Instant at) {
            memory.revokeFamily(familyId, at);
        }

        @Override
        public void revokeSubject(String subject, Instant at) {
            memory.revokeSubject(subject, at);
        }

        @Override
        public int deleteExpired(Instant now) {
            return memory.deleteExpired(now);
        }
    };
    private final RefreshTokens tokens = RefreshTokens.create(store, Duration.ofDays(14), clock);

    @Test
    void issues256RandomBitsAsBase64UrlAndStoresOnlyTheHash() {
        RefreshToken token = tokens.issue("user-1");
        assertEquals(32, Base64.getUrlDecoder().decode(token.value()).length);
        StoredRefreshToken stored =
                memory.find(RefreshTokens.hash(token.value())).orElseThrow();
        assertNotEquals(token.value(), stored.tokenHash());
        assertFalse(stored.toString().contains(token.value()), "the store never sees the token");
        assertEquals("user-1", stored.subject());
        assertEquals(clock.instant().plus(Duration.ofDays(14)), stored.expiresAt());
        assertNotEquals(token.value(), tokens.issue("user-1").value());
    }

    @Test
    void rotatesAValidTokenIntoANewOneOfTheSameFamily() {
        RefreshToken first = tokens.issue("user-1");
        Rotation rotation = tokens.rotate(first.value()).orElseThrow();
        assertEquals("user-1", rotation.subject());
        assertEquals(first.familyId(), rotation.next().familyId());
        assertNotEquals(first.value(), rotation.next().value());
        assertNotNull(
                memory.find(RefreshTokens.hash(first.value())).orElseThrow().usedAt());
        assertTrue(tokens.rotate(rotation.next().value()).isPresent(), "the new one works once too");
    }

    @Test
    void revokesTheWholeFamilyWhenAUsedTokenComesBack() {
        RefreshToken stolen = tokens.issue("user-1");
        RefreshToken legit = tokens.rotate(stolen.value()).orElseThrow().next();
        RefreshToken otherDevice = tokens.issue("user-1");

        assertTrue(tokens.rotate(stolen.value()).isEmpty(), "reuse is refused");

        assertTrue(tokens.rotate(legit.value()).isEmpty(), "and the family's newest token is revoked too");
        assertTrue(tokens.rotate(otherDevice.value()).isPresent(), "other sessions are untouched");
    }

    @Test
    void letsOnlyOneOfTwoRacingRotationsWinAndThenRevokesTheFamily() throws Exception {
        RefreshToken token = tokens.issue("user-1");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Optional<Rotation>>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return tokens.rotate(token.value());
                }));
            }
            start.countDown();
            List<Rotation> winners = new ArrayList<>();
            for (Future<Optional<Rotation>> result : results) {
                result.get().ifPresent(winners::add);
            }
            assertTrue(winners.size() <= 1, "at most one winner, got " + winners.size());
            if (!winners.isEmpty()) {
                assertTrue(tokens.rotate(winners.get(0).next().value()).isEmpty(), "losers revoked the family");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesAnExpiredToken() {
        RefreshToken token = tokens.issue("user-1");
        clock.advance(Duration.ofDays(14));
        assertTrue(tokens.rotate(token.value()).isEmpty());
    }

    @Test
    void logsOutOneSessionByRevokingItsFamily() {
        RefreshToken session = tokens.issue("user-1");
        RefreshToken current = tokens.rotate(session.value()).orElseThrow().next();
        RefreshToken otherSession = tokens.issue("user-1");
        tokens.revoke(current.value());
        assertTrue(tokens.rotate(current.value()).isEmpty());
        assertTrue(tokens.rotate(otherSession.value()).isPresent());
    }

    @Test
    void revokeOwnEndsTheCallersSessionButNotAnotherUsersOrAnotherSession() {
        RefreshToken mine = tokens.issue("user-1");
        RefreshToken myOther = tokens.issue("user-1");
        RefreshToken theirs = tokens.issue("user-2");

        assertFalse(tokens.revokeOwn("user-1", theirs.value()), "someone else's token");
        assertFalse(tokens.revokeOwn("user-1", "A".repeat(43)), "unknown token");
        assertFalse(tokens.revokeOwn("user-1", null));
        assertTrue(tokens.rotate(theirs.value()).isPresent());

        assertTrue(tokens.revokeOwn("user-1", mine.value()));
        assertTrue(tokens.rotate(mine.value()).isEmpty());
        assertTrue(tokens.rotate(myOther.value()).isPresent());
    }

    @Test
    void logsOutEverywhere() {
        RefreshToken phone = tokens.issue("user-1");
        RefreshToken laptop = tokens.issue("user-1");
        RefreshToken someoneElse = tokens.issue("user-2");
        tokens.revokeAll("user-1");
        assertTrue(tokens.rotate(phone.value()).isEmpty());
        assertTrue(tokens.rotate(laptop.value()).isEmpty());
        assertTrue(tokens.rotate(someoneElse.value()).isPresent());
    }

    @Test
    void refusesUnknownOrMisshapenTokensWithoutAskingTheStoreForGarbage() {
        finds.set(0);
        assertTrue(tokens.rotate(null).isEmpty());
        assertTrue(tokens.rotate("").isEmpty());
        assertTrue(tokens.rotate("x".repeat(10_000)).isEmpty());
        assertTrue(tokens.rotate("has spaces and is 43 characters long.......").isEmpty());
        tokens.revoke("garbage");
        assertEquals(0, finds.get());
        assertTrue(tokens.rotate("A".repeat(43)).isEmpty(), "well-shaped but unknown");
        assertEquals(1, finds.get());
    }

    @Test
    void hidesTheValueInToStringAndRefusesABlankSubject() {
        RefreshToken token = tokens.issue("user-1");
        assertFalse(token.toString().contains(token.value()));
        assertThrows(IllegalArgumentException.class, () -> tokens.issue(" "));
    }

    @Test
    void refusesATtlOutsideOneMinuteToAYear() {
        assertThrows(IllegalArgumentException.class, () -> RefreshTokens.create(store, Duration.ofSeconds(59)));
        assertThrows(IllegalArgumentException.class, () -> RefreshTokens.create(store, Duration.ofDays(366)));
    }

    @Test
    void aFamilyEndsAtItsAbsoluteLifetimeHoweverOftenItIsRotated() {
        Instant login = clock.instant();
        RefreshTokens capped = RefreshTokens.create(store, Duration.ofDays(14), Duration.ofDays(30), clock);
        RefreshToken token = capped.issue("ann");
        for (int i = 0; i < 2; i++) {
            clock.advance(Duration.ofDays(13));
            token = capped.rotate(token.value()).orElseThrow().next();
        }
        // Day 26: 14 more days would reach day 40; the family started on day 0, so it ends on day 30.
        assertEquals(login.plus(Duration.ofDays(30)), token.expiresAt());
        StoredRefreshToken stored = memory.find(RefreshTokens.hash(token.value())).orElseThrow();
        assertEquals(login, stored.familyStartedAt(), "the family's start is carried to every token");
        clock.advance(Duration.ofDays(4));
        assertEquals(Optional.empty(), capped.rotate(token.value()), "day 30: the session is over");
    }

    @Test
    void theAbsoluteLifetimeIs30DaysByDefaultAndNeverShorterThanTheTtl() {
        assertEquals(Duration.ofDays(30), RefreshConfig.defaults().absoluteTtl());
        assertEquals("security.refresh.absolute-ttl", RefreshConfig.ABSOLUTE_TTL.key());
        assertThrows(
                IllegalArgumentException.class,
                () -> new RefreshConfig(Duration.ofDays(14), Duration.ofDays(7), Duration.ofHours(1)));
    }
}
