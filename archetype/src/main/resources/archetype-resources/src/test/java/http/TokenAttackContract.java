package ${package}.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
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

    @BeforeEach
    void logIn() {
        session = newSession();
    }

    @Test
    void acceptsAForgeryThatChangesNothing() {
        String copy = forgery().signedWithHmac("HS256", service().signingSecret());

        assertEquals(200, get("/api/me", copy).statusCode());
    }

    @Test
    void refusesAlgNone() {
        ForgedToken token = forgery();
        token.header().put("alg", "none");

        assertRefused(token.unsigned());
    }

    /**
     * The service signs with HS256, one secret and no public key, so the classic confusion (an HS256
     * token whose HMAC key is the service's RSA public key) has nothing to work with. What applies is the
     * converse: a token that names an asymmetric algorithm and brings its own public key in the header
     * (CVE-2018-0114), hoping the verifier takes both from the token. The key table pins HS256 to the
     * kid and never reads keys from a token.
     */
    @Test
    void refusesAnRsaTokenThatBringsItsOwnKey() throws NoSuchAlgorithmException {
        KeyPair attacker = rsaKeyPair();
        RSAPublicKey publicKey = (RSAPublicKey) attacker.getPublic();
        ForgedToken token = forgery();
        token.header().put("alg", "RS256");
        token.header().putObject("jwk")
                .put("kty", "RSA")
                .put("n", base64url(publicKey.getModulus()))
                .put("e", base64url(publicKey.getPublicExponent()));

        assertRefused(token.signedWithRsa(attacker.getPrivate()));
    }

    /** jjwt alone accepts any HMAC algorithm for an HMAC key; the service pins exactly HS256. */
    @Test
    void refusesAnotherHmacAlgorithmWithTheRightSecret() {
        ForgedToken token = forgery();
        token.header().put("alg", "HS512");

        assertRefused(token.signedWithHmac("HS512", service().signingSecret()));
    }

    @Test
    void refusesAnUnknownOrInjectedKid() {
        for (String kid : new String[] {"other", "../../../../dev/null", "main' OR '1'='1", "", "main\u0000"}) {
            ForgedToken token = forgery();
            token.header().put("kid", kid);

            assertRefused(token.signedWithHmac("HS256", service().signingSecret()));
        }
        ForgedToken withoutKid = forgery();
        withoutKid.header().remove("kid");
        assertRefused(withoutKid.signedWithHmac("HS256", service().signingSecret()));
    }

    @Test
    void refusesAnExpiredToken() {
        ForgedToken token = forgery();
        token.claims().put("exp", Instant.now().minusSeconds(120).getEpochSecond()); // past the 30 s skew

        assertRefused(token.signedWithHmac("HS256", service().signingSecret()));
    }

    @Test
    void refusesATokenThatIsNotValidYet() {
        ForgedToken token = forgery();
        token.claims().put("nbf", Instant.now().plusSeconds(120).getEpochSecond());

        assertRefused(token.signedWithHmac("HS256", service().signingSecret()));
    }

    @Test
    void refusesAnotherIssuerOrAudience() {
        ForgedToken issuer = forgery();
        issuer.claims().put("iss", "https://evil.example.com");
        ForgedToken audience = forgery();
        audience.claims().put("aud", "another-api");

        assertRefused(issuer.signedWithHmac("HS256", service().signingSecret()));
        assertRefused(audience.signedWithHmac("HS256", service().signingSecret()));
    }

    @Test
    void refusesAnotherTokenType() {
        ForgedToken token = forgery();
        token.header().put("typ", "JWT");

        assertRefused(token.signedWithHmac("HS256", service().signingSecret()));
    }

    @Test
    void refusesATamperedPayload() {
        String[] parts = session.accessToken().split("\\.");
        ForgedToken admin = forgery();
        admin.claims().putArray("roles").add("admin");
        String[] tampered = admin.unsigned().split("\\.");

        String token = parts[0] + "." + tampered[1] + "." + parts[2]; // the issued signature, new claims

        assertProblem(401, get("/api/admin/users", token));
        assertRefused(token);
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
        byte[] otherSecret = new byte[32];
        new SecureRandom().nextBytes(otherSecret);

        assertRefused(forgery().signedWithHmac("HS256", otherSecret));
    }

    @Test
    void refusesATruncatedToken() {
        String token = session.accessToken();

        assertRefused(token.substring(0, token.length() - 1));
        assertRefused(token.substring(0, token.lastIndexOf('.')));
        assertRefused(token.substring(0, token.lastIndexOf('.') + 1));
    }

    @Test
    void refusesATokenWithExtraDots() {
        String token = session.accessToken();
        int lastDot = token.lastIndexOf('.');

        assertRefused(token + ".");
        assertRefused(token + "." + token.substring(lastDot + 1));
        assertRefused(token.substring(0, lastDot) + ".." + token.substring(lastDot + 1));
    }

    private ForgedToken forgery() {
        return ForgedToken.copyOf(session.accessToken());
    }

    /** The token is refused as invalid (not merely missing) on a protected endpoint. */
    private void assertRefused(String token) {
        HttpResponse<String> response = get("/api/me", token);
        assertProblem(401, response);
        String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge.contains("invalid_token"), "WWW-Authenticate: " + challenge);
    }

    private static KeyPair rsaKeyPair() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** JWK integers are unsigned big-endian, without the sign byte Java adds. */
    private static String base64url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
