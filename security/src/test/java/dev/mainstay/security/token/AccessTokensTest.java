package dev.mainstay.security.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mainstay.security.Principal;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class AccessTokensTest {
    private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final JwtKey key = JwtKey.generate("k1", JwtAlgorithm.HS256);
    private final JwtConfig config = JwtConfig.of("https://issuer.example", "example-api", key);
    private final AccessTokens tokens = AccessTokens.create(config, clock);

    /** A token builder with every claim a valid access token has; tests then break one thing. */
    private JwtBuilder valid() {
        Instant now = clock.instant();
        return Jwts.builder()
                .header()
                .type("at+jwt")
                .keyId("k1")
                .and()
                .issuer("https://issuer.example")
                .audience()
                .add("example-api")
                .and()
                .subject("user-1")
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plusSeconds(600)))
                .claim("roles", List.of("reader"));
    }

    private String signed(JwtBuilder builder) {
        return builder.signWith((SecretKey) key.signingKey(), Jwts.SIG.HS256).compact();
    }

    private static JsonNode part(String token, int index) throws Exception {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[index]));
    }

    @Test
    void verifiesTheTokenItIssuedToTheSamePrincipal() {
        AccessToken issued = tokens.issue("user-1", Set.of("admin", "reader"));
        assertEquals(Optional.of(new Principal("user-1", Set.of("admin", "reader"))), tokens.verify(issued.value()));
        assertEquals(START.plus(Duration.ofMinutes(15)), issued.expiresAt());
    }

    @Test
    void writesTypKidAndEveryRequiredClaim() throws Exception {
        String token = tokens.issue("user-1", Set.of()).value();
        JsonNode header = part(token, 0);
        JsonNode claims = part(token, 1);
        assertEquals("at+jwt", header.get("typ").asText());
        assertEquals("k1", header.get("kid").asText());
        assertEquals("HS256", header.get("alg").asText());
        assertEquals("https://issuer.example", claims.get("iss").asText());
        assertEquals("example-api", claims.get("aud").get(0).asText());
        assertEquals(START.getEpochSecond() + 900, claims.get("exp").asLong());
        assertTrue(claims.hasNonNull("jti"));
    }

    @Test
    void acceptsTheTokenBuiltByHandAsAControl() {
        assertTrue(tokens.verify(signed(valid())).isPresent(), "the forged-token helper must make valid tokens");
    }

    @Test
    void rejectsAnExpiredTokenButToleratesTheConfiguredSkew() {
        String token = tokens.issue("user-1", Set.of()).value();
        clock.advance(Duration.ofMinutes(15).plusSeconds(29));
        AccessTokens uncached = AccessTokens.create(config.withCacheSize(0), clock);
        assertTrue(uncached.verify(token).isPresent(), "29 s past exp is within the 30 s skew");
        clock.advance(Duration.ofSeconds(2));
        assertTrue(uncached.verify(token).isEmpty(), "31 s past exp is not");
        assertTrue(tokens.verify(token).isEmpty());
    }

    @Test
    void rejectsATokenWithoutExp() {
        assertTrue(tokens.verify(signed(valid().expiration(null))).isEmpty());
    }

    @Test
    void rejectsAnotherIssuerOrAudienceOrNoneAtAll() {
        assertTrue(tokens.verify(signed(valid().issuer("https://evil.example"))).isEmpty());
        assertTrue(tokens.verify(signed(valid().issuer(null))).isEmpty());
        assertTrue(
                tokens.verify(signed(valid().audience().add("other-api").and())).isPresent(), "aud may list several");
        String otherAudience = signed(Jwts.builder()
                .header()
                .type("at+jwt")
                .keyId("k1")
                .and()
                .issuer("https://issuer.example")
                .audience()
                .add("other-api")
                .and()
                .subject("user-1")
                .expiration(Date.from(clock.instant().plusSeconds(60)))
                .claim("roles", List.of()));
        assertTrue(tokens.verify(otherAudience).isEmpty());
    }

    @Test
    void rejectsAMissingSubjectOrMalformedRoles() {
        assertTrue(tokens.verify(signed(valid().subject(null))).isEmpty());
        assertTrue(tokens.verify(signed(valid().claim("roles", "admin"))).isEmpty(), "roles must be an array");
        assertTrue(tokens.verify(signed(valid().claim("roles", List.of(1, 2)))).isEmpty(), "of strings");
        assertTrue(tokens.verify(signed(valid().claim("roles", null))).isEmpty());
    }

    @Test
    void rejectsAnyTypOtherThanAtJwt() {
        assertTrue(tokens.verify(signed(valid().header().type("JWT").and())).isEmpty());
        assertTrue(tokens.verify(signed(valid().header().type("refresh+jwt").and()))
                .isEmpty());
        assertTrue(tokens.verify(signed(valid().header().type(null).and())).isEmpty());
        assertTrue(
                tokens.verify(signed(valid().header().type("application/at+jwt").and()))
                        .isPresent());
    }

    @Test
    void rejectsAMissingOrUnknownKid() {
        assertTrue(tokens.verify(signed(valid().header().keyId(null).and())).isEmpty());
        assertTrue(tokens.verify(signed(valid().header().keyId("k2").and())).isEmpty());
    }

    @Test
    void rejectsATokenSignedWithAnotherKey() {
        SecretKey other = Jwts.SIG.HS256.key().build();
        assertTrue(
                tokens.verify(valid().signWith(other, Jwts.SIG.HS256).compact()).isEmpty());
    }

    @Test
    void rejectsAnHmacAlgorithmOtherThanThePinnedOneEvenWithTheSameSecret() {
        // jjwt alone accepts HS256 tokens for an HS512 key: the pin must stop that.
        JwtKey hs512 = JwtKey.generate("k1", JwtAlgorithm.HS512);
        AccessTokens strict = AccessTokens.create(JwtConfig.of("https://issuer.example", "example-api", hs512), clock);
        SecretKey sameSecret = new SecretKeySpec(hs512.signingKey().getEncoded(), "HmacSHA256");
        String downgraded = valid().signWith(sameSecret, Jwts.SIG.HS256).compact();
        assertTrue(strict.verify(downgraded).isEmpty());
    }

    @Test
    void rejectsAnHmacTokenKeyedWithThePublicKeyOfAnEcKid() throws Exception {
        KeyPair pair = TestKeys.ec("secp256r1");
        JwtKey ec = JwtKey.fromPem("k1", JwtAlgorithm.ES256, TestKeys.privatePem(pair), TestKeys.publicPem(pair));
        AccessTokens strict = AccessTokens.create(JwtConfig.of("https://issuer.example", "example-api", ec), clock);
        assertTrue(strict.verify(strict.issue("user-1", Set.of()).value()).isPresent(), "control");
        SecretKey confused = new SecretKeySpec(pair.getPublic().getEncoded(), "HmacSHA256");
        assertTrue(strict.verify(valid().signWith(confused, Jwts.SIG.HS256).compact())
                .isEmpty());
    }

    @Test
    void rejectsAlgNoneAndAnEmptySignature() {
        String none = Jwts.builder()
                .header()
                .type("at+jwt")
                .keyId("k1")
                .and()
                .subject("user-1")
                .issuer("https://issuer.example")
                .audience()
                .add("example-api")
                .and()
                .expiration(Date.from(clock.instant().plusSeconds(60)))
                .claim("roles", List.of())
                .compact();
        assertTrue(none.endsWith("."), "an unsecured JWT: " + none);
        assertTrue(tokens.verify(none).isEmpty());
        String token = tokens.issue("user-1", Set.of()).value();
        assertTrue(tokens.verify(token.substring(0, token.lastIndexOf('.') + 1)).isEmpty());
    }

    @Test
    void rejectsNonCanonicalSpellingsOfAValidToken() {
        String token = signed(valid());
        AccessTokens uncached = AccessTokens.create(config.withCacheSize(0), clock);
        assertTrue(uncached.verify(token).isPresent(), "control");
        assertTrue(uncached.verify(token + "=").isEmpty(), "padding");
        assertTrue(uncached.verify(" " + token).isEmpty(), "whitespace");
        assertTrue(uncached.verify(token.replaceFirst("\\.", ".+")).isEmpty(), "character outside base64url");
        assertTrue(uncached.verify(token + ".").isEmpty(), "extra part");
        assertTrue(uncached.verify("").isEmpty());
        assertTrue(uncached.verify(null).isEmpty());
    }

    @Test
    void rejectsAnOversizedTokenUnread() {
        String huge = signed(valid().claim("padding", "x".repeat(9000)));
        assertTrue(tokens.verify(huge).isEmpty());
    }

    @Test
    void signsWithTheCurrentKeyAndStillVerifiesWithAPreviousOne() {
        JwtKey old = JwtKey.generate("k0", JwtAlgorithm.HS256);
        AccessTokens before = AccessTokens.create(JwtConfig.of("https://issuer.example", "example-api", old), clock);
        String oldToken = before.issue("user-1", Set.of()).value();
        AccessTokens after = AccessTokens.create(config.withPreviousKeys(List.of(old.verifyOnly())), clock);
        assertTrue(after.verify(oldToken).isPresent());
        assertTrue(after.issue("user-1", Set.of())
                .value()
                .startsWith(Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString("{\"typ\":\"at+jwt\",\"kid\":\"k1\"".getBytes())
                        .substring(0, 20)));
        assertTrue(tokens.verify(oldToken).isEmpty(), "without the previous key it is unknown");
    }

    @Test
    void verifiesRs256AndEs256TokensFromPemKeys() throws Exception {
        KeyPair rsa = TestKeys.rsa(2048);
        KeyPair ec = TestKeys.ec("secp256r1");
        for (JwtKey pemKey : List.of(
                JwtKey.fromPem("rsa", JwtAlgorithm.RS256, TestKeys.privatePem(rsa), TestKeys.publicPem(rsa)),
                JwtKey.fromPem("ec", JwtAlgorithm.ES256, TestKeys.privatePem(ec), TestKeys.publicPem(ec)))) {
            AccessTokens service = AccessTokens.create(JwtConfig.of("iss", "aud", pemKey), clock);
            String token = service.issue("user-1", Set.of("admin")).value();
            assertEquals(Set.of("admin"), service.verify(token).orElseThrow().roles(), pemKey.toString());
        }
    }

    @Test
    void servesARepeatedTokenFromTheCacheUntilItExpires() {
        String token = tokens.issue("user-1", Set.of("reader")).value();
        assertTrue(tokens.verify(token).isPresent());
        assertTrue(tokens.verify(token).isPresent(), "second call, from the cache");
        clock.advance(Duration.ofMinutes(15).plusSeconds(31));
        assertTrue(tokens.verify(token).isEmpty(), "a cached token still expires");
    }

    @Test
    void neverServesATamperedTokenFromTheCache() {
        String token = tokens.issue("user-1", Set.of("reader")).value();
        assertTrue(tokens.verify(token).isPresent());
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'Q' : 'A');
        assertTrue(tokens.verify(tampered).isEmpty());
        String[] parts = token.split("\\.");
        String otherPayload = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"sub\":\"admin\"}".getBytes());
        assertTrue(tokens.verify(parts[0] + "." + otherPayload + "." + parts[2]).isEmpty());
    }

    @Test
    void hidesTheTokenInToString() {
        AccessToken issued = tokens.issue("user-1", Set.of());
        assertFalse(issued.toString().contains(issued.value()));
        assertFalse(key.toString()
                .contains(Base64.getEncoder().encodeToString(key.signingKey().getEncoded())));
    }
}
