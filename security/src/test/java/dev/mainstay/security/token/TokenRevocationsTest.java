package dev.mainstay.security.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** A per-subject "tokens valid after" instant refuses older access tokens, cached ones included. */
class TokenRevocationsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T10:00:00.250Z"));
    private final Map<String, Instant> validAfter = new ConcurrentHashMap<>();
    private final AccessTokens tokens = AccessTokens.create(
            JwtConfig.of("https://issuer.example", "example-api", JwtKey.generate("k1", JwtAlgorithm.HS256)),
            clock,
            subject -> Optional.ofNullable(validAfter.get(subject)));

    @Test
    void refusesATokenIssuedBeforeTheSubjectsValidAfterEvenWhenCached() {
        String before = tokens.issue("ann", Set.of()).value();
        String othersToken = tokens.issue("bob", Set.of()).value();
        assertTrue(tokens.verify(before).isPresent(), "valid, and now in the verified-token cache");

        clock.advance(Duration.ofSeconds(5));
        validAfter.put("ann", clock.instant()); // e.g. ann changed her password
        assertEquals(Optional.empty(), tokens.verify(before), "the cached token is refused after the change");
        assertTrue(tokens.verify(othersToken).isPresent(), "other subjects are untouched");

        String after = tokens.issue("ann", Set.of()).value();
        assertTrue(tokens.verify(after).isPresent(), "a token issued at the change itself is valid");
        clock.advance(Duration.ofSeconds(1));
        assertTrue(tokens.verify(after).isPresent());
    }

    @Test
    void refusesEveryTokenOfASubjectWhoseValidityIsInstantMax() {
        String token = tokens.issue("gone", Set.of()).value();
        validAfter.put("gone", Instant.MAX); // a deleted or disabled account
        assertEquals(Optional.empty(), tokens.verify(token));
    }
}
