package ${package}.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A JWT built by hand, the way an attacker builds one: any header, any claims, signed with any key or
 * not at all. It starts as a copy of a token the service issued, so a test changes exactly one thing.
 * Not thread-safe; one per test.
 */
final class ForgedToken {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final ObjectNode header;
    private final ObjectNode claims;

    private ForgedToken(ObjectNode header, ObjectNode claims) {
        this.header = header;
        this.claims = claims;
    }

    /** Returns a forgery with the header and claims of {@code issued}, a compact JWS. */
    static ForgedToken copyOf(String issued) {
        String[] parts = issued.split("\\.");
        return new ForgedToken(decode(parts[0]), decode(parts[1]));
    }

    /** Returns the header, to change. */
    ObjectNode header() {
        return header;
    }

    /** Returns the claims, to change. */
    ObjectNode claims() {
        return claims;
    }

    /** Returns the token signed with HMAC ({@code alg} HS256, HS384 or HS512), whatever the header says. */
    String signedWithHmac(String alg, byte[] secret) {
        String mac = "HmacSHA" + alg.substring(2);
        return sign(input -> {
            Mac hmac = Mac.getInstance(mac);
            hmac.init(new SecretKeySpec(secret, mac));
            return hmac.doFinal(input);
        });
    }

    /** Returns the token signed with RSASSA-PKCS1-v1_5 SHA-256 (RS256), whatever the header says. */
    String signedWithRsa(PrivateKey key) {
        return sign(input -> {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(input);
            return rsa.sign();
        });
    }

    /** Returns the token with an empty signature, as {@code alg: none} prescribes. */
    String unsigned() {
        return signingInput() + ".";
    }

    private String sign(Signer signer) {
        String input = signingInput();
        try {
            return input + "." + BASE64URL.encodeToString(signer.sign(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String signingInput() {
        return encode(header) + "." + encode(claims);
    }

    private static String encode(ObjectNode node) {
        try {
            return BASE64URL.encodeToString(JSON.writeValueAsBytes(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode decode(String part) {
        try {
            return (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(part));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Signer {
        byte[] sign(byte[] input) throws GeneralSecurityException;
    }
}
