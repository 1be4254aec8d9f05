package ${package}.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.test.ForgedToken;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Forged, altered and misused tokens (RFC 8725's attacks): each gets 401 from a protected endpoint.
 *
 * <p>Each forgery starts from a token the service issued and changes one thing, and is signed with the
 * service's own key unless the attack is about the key. The first test proves that an unchanged copy
 * is accepted, so every 401 below is caused by the one change.
 */
abstract class TokenAttackContract extends ApiContract {
    private Session session;
    private ForgedToken issued;
    private byte[] secret;

    @BeforeEach
    void logIn() {
        session = newSession();
        issued = ForgedToken.of(session.accessToken());
        secret = app().randomKey("security.jwt.secret");
    }

    @Test
    void acceptsAForgeryThatChangesNothing() {
        assertEquals(200, get("/api/me", issued.signedWithHmac(secret)).statusCode());
    }

    @Test
    void refusesAlgNone() {
        assertRefused(issued.withHeader("alg", "none").unsigned());
    }

    /**
     * The service signs with HS256, one secret and no public key, so the classic confusion (an HS256
     * token whose HMAC key is the service's RSA public key) has nothing to work with. What applies is the
     * converse: a token that names an asymmetric algorithm and brings its own public key in the header
     * (CVE-2018-0114), hoping the verifier takes both from the token. The key table pins HS256 to the
     * kid and never reads keys from a token.
     */
    @Test
    void refusesAnRsaTokenThatBringsItsOwnKey() {
        assertRefused(issued.signedWithEmbeddedJwk());
    }

    /** jjwt alone accepts any HMAC algorithm for an HMAC key; the service pins exactly HS256. */
    @Test
    void refusesAnotherHmacAlgorithmWithTheRightSecret() {
        assertRefused(issued.withHeader("alg", "HS512").signedWithHmac(secret));
    }

    @Test
    void refusesAnUnknownOrInjectedKid() {
        for (String kid : List.of("other", "../../../../dev/null", "main' OR '1'='1", "", "main\u0000")) {
            assertRefused(issued.withKid(kid).signedWithHmac(secret));
        }
        assertRefused(issued.withoutHeader("kid").signedWithHmac(secret));
    }

    @Test
    void refusesAnExpiredToken() {
        assertRefused(issued.expired().signedWithHmac(secret));
    }

    @Test
    void refusesATokenThatIsNotValidYet() {
        assertRefused(issued.notYetValid().signedWithHmac(secret));
    }

    @Test
    void refusesAnotherIssuerOrAudience() {
        assertRefused(issued.withClaim("iss", "https://evil.example.com").signedWithHmac(secret));
        assertRefused(issued.withClaim("aud", "another-api").signedWithHmac(secret));
    }

    @Test
    void refusesAnotherTokenType() {
        assertRefused(issued.withHeader("typ", "JWT").signedWithHmac(secret));
    }

    @Test
    void refusesATamperedPayload() {
        String admin = issued.withClaim("roles", List.of("user", "admin")).withOriginalSignature();

        assertProblem(401, get("/api/admin/users", admin));
        assertRefused(admin);
    }

    @Test
    void refusesARefreshTokenAsAnAccessToken() {
        assertRefused(session.refreshToken());
    }

    @Test
    void refusesAnAccessTokenAsARefreshToken() {
        assertProblem(401, post("/api/auth/refresh", null, Map.of("refreshToken", session.accessToken())));
    }

    @Test
    void refusesATokenSignedWithAnotherKey() {
        assertRefused(issued.signedWithOtherKey());
    }

    @Test
    void refusesATruncatedToken() {
        ForgedToken.truncations(session.accessToken()).forEach(this::assertRefused);
    }

    @Test
    void refusesATokenWithExtraDots() {
        ForgedToken.extraDots(session.accessToken()).forEach(this::assertRefused);
    }

    /** The token is refused as invalid (not merely missing) on a protected endpoint. */
    private void assertRefused(String token) {
        HttpResponse<String> response = get("/api/me", token);
        assertProblem(401, response);
        String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge.contains("invalid_token"), token + " -> WWW-Authenticate: " + challenge);
    }
}
