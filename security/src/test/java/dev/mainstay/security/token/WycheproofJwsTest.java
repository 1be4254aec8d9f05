package dev.mainstay.security.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jsonwebtoken.JwtException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs Wycheproof's JSON Web Signature vectors (src/test/resources/vectors/jws, see SOURCE.txt)
 * through our verification path: {@link JwtKey#fromJwk} builds the key table from each group's JWK
 * (the public JWK when the group has one), and {@link JwsVerifier} (strict syntax, algorithm pinned per
 * kid, no compression) checks each token. Claim rules do not apply: the payloads are not JWT claims.
 *
 * <p>Every algorithm in the file is one we support, so no group is skipped. How cases are refused:
 * <ul>
 *   <li>wrong algorithm for the key (HS256 with an EC key, RS256/PS256 with a PS512 key, {@code none}):
 *       by the per-kid pin in {@link KeyTable}, before any key is used;
 *   <li>keys meant for encryption ({@code use: enc}, {@code key_ops: [encrypt]}): {@link JwtKey#fromJwk}
 *       refuses to build the verifier, so nothing can verify with them;
 *   <li>lax base64 (spaces, {@code #}, padding, non-zero unused bits): {@link CompactJws}, which jjwt's
 *       lenient decoder would otherwise let through;
 *   <li>JSON serialization: only the compact form is accepted.
 * </ul>
 *
 * <p>Eight cases are treated specially, see {@link #SPECIAL}.
 */
class WycheproofJwsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * tcId -> why the case is not taken as written.
     *
     * <p>367 and 370 ("invalidBase64Padding", "invalidBase64PaddingInPayload") carry exactly the same
     * string as the valid case 357: the {@code =} padding they are named for was lost when the file was
     * generated. We test what they describe instead (357 with padding added to the MAC, resp. payload)
     * and expect a refusal.
     *
     * <p>372 and 373 are marked valid although a {@code ?} is inserted into the base64url header,
     * resp. payload (the MAC was computed over the string with the {@code ?}). We refuse them on
     * purpose: RFC 7515 allows only the base64url alphabet, and accepting other characters is exactly
     * the lenient decoding that lets one token have many spellings (GUIDE section 5, RFC 8725 2.8).
     *
     * <p>347 and 351 (RFC 7520 figure 27) come with a JWK whose {@code alg} is "ES521", which is no
     * JWA algorithm (the token header says ES512). A key pinned to an unknown algorithm is refused, so
     * we check both: the JWK as given is refused, and with {@code alg} corrected to ES512 the token
     * verifies.
     *
     * <p>346 and 350 (RFC 7520 figure 20) come with a JWK whose {@code alg} is PS256, but the token
     * is signed with PS384. Refusing it is exactly the per-key pin RFC 8725 3.1 asks for (a library
     * that ignores the JWK's {@code alg} accepts it, hence "valid"). We check both: refused as given,
     * and accepted once the JWK is pinned to PS384.
     */
    static final Map<Integer, String> SPECIAL = Map.ofEntries(
            Map.entry(346, "JWK pinned to PS256 refuses a PS384 token; pinned to PS384 it must pass"),
            Map.entry(350, "JWK pinned to PS256 refuses a PS384 token; pinned to PS384 it must pass"),
            Map.entry(347, "JWK alg 'ES521' is refused; with alg corrected to ES512 the case must pass"),
            Map.entry(351, "JWK alg 'ES521' is refused; with alg corrected to ES512 the case must pass"),
            Map.entry(367, "identical to valid 357; padding lost upstream: test 357 with '=' after the MAC"),
            Map.entry(370, "identical to valid 357; padding lost upstream: test 357 with '==' after the payload"),
            Map.entry(372, "deliberately refused: '?' is not base64url"),
            Map.entry(373, "deliberately refused: '?' is not base64url"));

    record Case(int tcId, String comment, String jws, boolean valid, String group, JsonNode jwk) {}

    @TestFactory
    Stream<DynamicTest> everyInvalidCaseIsRefusedAndEveryValidOneAccepted() throws IOException {
        return cases().stream()
                .map(c -> DynamicTest.dynamicTest(
                        c.tcId() + " " + c.group() + " " + c.comment() + " (" + (c.valid() ? "valid" : "invalid") + ")"
                                + (SPECIAL.containsKey(c.tcId()) ? ": " + SPECIAL.get(c.tcId()) : ""),
                        () -> check(c)));
    }

    @Test
    void readsEveryCaseOfTheFile() throws IOException {
        assertEquals(401, cases().size());
    }

    private static void check(Case c) {
        String jws = c.jws();
        JsonNode jwk = c.jwk();
        if (c.tcId() == 347 || c.tcId() == 351) {
            String asGiven = jwk.toString();
            assertThrows(IllegalArgumentException.class, () -> JwtKey.fromJwk(asGiven), "alg ES521 must be refused");
            jwk = ((ObjectNode) jwk.deepCopy()).put("alg", "ES512");
        }
        if (c.tcId() == 346 || c.tcId() == 350) {
            JwsVerifier pinnedToPs256 =
                    new JwsVerifier(List.of(JwtKey.fromJwk(jwk.toString())), null, UnaryOperator.identity());
            String token = jws;
            assertThrows(JwtException.class, () -> pinnedToPs256.content(token), "the pin must refuse PS384");
            jwk = ((ObjectNode) jwk.deepCopy()).put("alg", "PS384");
        }
        if (c.tcId() == 367) {
            jws = jws + "=";
        } else if (c.tcId() == 370) {
            jws = jws.replace(".VGVzdA.", ".VGVzdA==.");
        }
        JwsVerifier verifier;
        try {
            verifier = new JwsVerifier(List.of(JwtKey.fromJwk(jwk.toString())), null, UnaryOperator.identity());
        } catch (IllegalArgumentException refusedKey) {
            if (c.valid()) {
                fail("valid case, but the key was refused: " + refusedKey.getMessage());
            }
            return; // an unusable key (e.g. use: enc) never verifies anything
        }
        boolean expectAccepted = c.valid() && !(c.tcId() == 372 || c.tcId() == 373);
        if (expectAccepted) {
            byte[] payload = verifier.content(jws).getPayload();
            assertNotNull(payload);
            assertArrayEquals(Base64.getUrlDecoder().decode(jws.split("\\.", -1)[1]), payload);
        } else {
            String token = jws;
            RuntimeException refusal = assertThrows(RuntimeException.class, () -> verifier.content(token));
            // Only these types mean "invalid token" to AccessTokens; anything else would be a 500.
            assertTrue(
                    refusal instanceof JwtException || refusal instanceof IllegalArgumentException,
                    "refused with an unexpected exception type: " + refusal);
        }
    }

    private static List<Case> cases() throws IOException {
        JsonNode root;
        try (InputStream in =
                WycheproofJwsTest.class.getResourceAsStream("/vectors/jws/json_web_signature_test.json")) {
            root = JSON.readTree(in);
        }
        List<Case> cases = new ArrayList<>();
        for (JsonNode group : root.get("testGroups")) {
            JsonNode jwk = group.has("public") ? group.get("public") : group.get("private");
            for (JsonNode test : group.get("tests")) {
                cases.add(new Case(
                        test.get("tcId").asInt(),
                        test.get("comment").asText(),
                        test.get("jws").asText(),
                        "valid".equals(test.get("result").asText()),
                        group.get("comment").asText(),
                        jwk));
            }
        }
        return cases;
    }
}
