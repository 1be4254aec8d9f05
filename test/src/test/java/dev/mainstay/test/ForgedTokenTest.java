package dev.mainstay.test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class ForgedTokenTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final String ISSUED = ForgedToken.of(
                    JSON.createObjectNode()
                            .put("alg", "HS256")
                            .put("typ", "at+jwt")
                            .put("kid", "main"),
                    JSON.createObjectNode()
                            .put("sub", "u1")
                            .put("iss", "mainstay")
                            .put("exp", 4_000_000_000L))
            .signedWithHmac(SECRET);

    @Test
    void signsWithHmacByTheHeadersAlgorithmSoTheRealKeyVerifiesIt() throws Exception {
        String[] parts = ISSUED.split("\\.");
        assertArrayEquals(
                hmac("HmacSHA256", parts[0] + "." + parts[1]),
                Base64.getUrlDecoder().decode(parts[2]));

        String[] hs512 = ForgedToken.of(ISSUED)
                .withHeader("alg", "HS512")
                .signedWithHmac(SECRET)
                .split("\\.");
        assertArrayEquals(
                hmac("HmacSHA512", hs512[0] + "." + hs512[1]),
                Base64.getUrlDecoder().decode(hs512[2]));
    }

    @Test
    void changesExactlyOneThingAndKeepsTheRest() throws Exception {
        ForgedToken expired = ForgedToken.of(ISSUED).expired();
        assertTrue(expired.claims().path("exp").asLong() < System.currentTimeMillis() / 1000);
        assertEquals("u1", expired.claims().path("sub").asText());
        assertEquals("main", expired.header().path("kid").asText());
        assertFalse(ForgedToken.of(ISSUED).withoutHeader("kid").header().has("kid"));
        assertEquals(
                "evil",
                part(ForgedToken.of(ISSUED).withClaim("iss", "evil").unsigned(), 1)
                        .path("iss")
                        .asText());
    }

    @Test
    void unsignedHasAnEmptySignatureAndTamperingKeepsTheOriginalOne() throws Exception {
        String none = ForgedToken.of(ISSUED).withHeader("alg", "none").unsigned();
        assertTrue(none.endsWith("."));
        assertEquals("none", part(none, 0).path("alg").asText());
        String tampered = ForgedToken.of(ISSUED).withClaim("sub", "u2").withOriginalSignature();
        assertEquals(ISSUED.substring(ISSUED.lastIndexOf('.')), tampered.substring(tampered.lastIndexOf('.')));
        assertEquals("u2", part(tampered, 1).path("sub").asText());
    }

    @Test
    void embedsAnRsaJwkAndSignsWithItsPrivateHalf() throws Exception {
        JsonNode header = part(ForgedToken.of(ISSUED).signedWithEmbeddedJwk(), 0);
        assertEquals("RS256", header.path("alg").asText());
        assertEquals("RSA", header.path("jwk").path("kty").asText());
        assertEquals("AQAB", header.path("jwk").path("e").asText());
    }

    @Test
    void malformedVariantsAreNotThreeWellFormedParts() {
        for (String token : ForgedToken.truncations(ISSUED)) {
            assertFalse(token.equals(ISSUED), token);
        }
        for (String token : ForgedToken.extraDots(ISSUED)) {
            assertTrue(token.split("\\.", -1).length != 3, token);
        }
    }

    private static byte[] hmac(String algorithm, String input) throws Exception {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(SECRET, algorithm));
        return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
    }

    private static JsonNode part(String token, int index) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.", -1)[index]));
    }
}
