package dev.mainstay.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A JWT built the way an attacker builds one, for tests that prove a service refuses it: start from a
 * token the service issued, change exactly one thing, then sign it with the real secret, another key,
 * or not at all.
 *
 * <pre>{@code
 * ForgedToken real = ForgedToken.of(accessToken);
 * byte[] secret = app.randomKey("security.jwt.secret");
 * assertRefused(real.withHeader("alg", "none").unsigned());
 * assertRefused(real.withHeader("alg", "HS512").signedWithHmac(secret));   // right key, wrong algorithm
 * assertRefused(real.expired().signedWithHmac(secret));
 * assertRefused(real.withClaim("sub", "someone-else").withOriginalSignature());
 * ForgedToken.truncations(accessToken).forEach(this::assertRefused);
 * }</pre>
 *
 * <p>HMAC and RSA signatures come from the JDK ({@code javax.crypto}, {@code java.security}), so no JWT
 * library is needed and none can "helpfully" refuse to build a bad token. Immutable: every {@code with}
 * method returns a new forgery. Thread-safe.
 */
public final class ForgedToken {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Far beyond any clock skew a verifier allows. */
    private static final long AN_HOUR = 3600;

    private final ObjectNode header;
    private final ObjectNode claims;
    private final String signature;

    private ForgedToken(ObjectNode header, ObjectNode claims, String signature) {
        this.header = header;
        this.claims = claims;
        this.signature = signature;
    }

    /**
     * Takes apart a compact JWS ({@code header.payload.signature}), usually one the service issued.
     *
     * @param token the compact JWS
     * @return a forgery that starts as the token's header, claims and signature
     * @throws IllegalArgumentException when {@code token} is not three base64url JSON parts
     */
    public static ForgedToken of(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("Not a compact JWS (three parts): " + token);
        }
        return new ForgedToken(decode(parts[0]), decode(parts[1]), parts[2]);
    }

    /**
     * Returns a forgery with no original signature, from a header and claims of your own.
     *
     * @param header the JOSE header, e.g. {@code {"alg":"HS256","kid":"k1"}}; copied
     * @param claims the payload; copied
     * @return a forgery whose {@link #withOriginalSignature()} has an empty signature
     */
    public static ForgedToken of(ObjectNode header, ObjectNode claims) {
        return new ForgedToken(header.deepCopy(), claims.deepCopy(), "");
    }

    /**
     * Returns a copy of the header, to read (e.g. {@code header().path("kid")}).
     *
     * @return a copy; changing it does not change this forgery
     */
    public ObjectNode header() {
        return header.deepCopy();
    }

    /**
     * Returns a copy of the claims, to read (e.g. {@code claims().path("sub").asText()}).
     *
     * @return a copy; changing it does not change this forgery
     */
    public ObjectNode claims() {
        return claims.deepCopy();
    }

    /**
     * Returns a forgery with header {@code name} set to {@code value} (a string, number, boolean, list or map).
     *
     * @param name the header parameter, e.g. {@code alg}
     * @param value its new value, converted to JSON
     * @return a new forgery; this one is unchanged
     */
    public ForgedToken withHeader(String name, Object value) {
        ObjectNode copy = header.deepCopy();
        copy.set(name, JSON.valueToTree(value));
        return new ForgedToken(copy, claims, signature);
    }

    /**
     * Returns a forgery without header {@code name} (e.g. {@code kid}).
     *
     * @param name the header parameter to remove
     * @return a new forgery; this one is unchanged
     */
    public ForgedToken withoutHeader(String name) {
        ObjectNode copy = header.deepCopy();
        copy.remove(name);
        return new ForgedToken(copy, claims, signature);
    }

    /**
     * Returns a forgery with claim {@code name} set to {@code value} (a string, number, boolean, list or map).
     *
     * @param name the claim, e.g. {@code sub} or {@code roles}
     * @param value its new value, converted to JSON
     * @return a new forgery; this one is unchanged
     */
    public ForgedToken withClaim(String name, Object value) {
        ObjectNode copy = claims.deepCopy();
        copy.set(name, JSON.valueToTree(value));
        return new ForgedToken(header, copy, signature);
    }

    /**
     * Returns a forgery without claim {@code name} (e.g. {@code exp}, to test that it is required).
     *
     * @param name the claim to remove
     * @return a new forgery; this one is unchanged
     */
    public ForgedToken withoutClaim(String name) {
        ObjectNode copy = claims.deepCopy();
        copy.remove(name);
        return new ForgedToken(header, copy, signature);
    }

    /**
     * Returns a forgery whose {@code exp} was an hour ago, far past any allowed clock skew.
     *
     * @return a new forgery; this one is unchanged
     */
    public ForgedToken expired() {
        return withClaim("exp", Instant.now().getEpochSecond() - AN_HOUR);
    }

    /**
     * Returns a forgery whose {@code nbf} is an hour from now, far past any allowed clock skew.
     *
     * @return a new forgery; this one is unchanged
     */
    public ForgedToken notYetValid() {
        return withClaim("nbf", Instant.now().getEpochSecond() + AN_HOUR);
    }

    /**
     * Returns a forgery with another {@code kid} header: unknown, or an injection such as {@code ../../dev/null}.
     *
     * @param kid the key id to claim
     * @return a new forgery; this one is unchanged
     */
    public ForgedToken withKid(String kid) {
        return withHeader("kid", kid);
    }

    /**
     * Returns the token signed with HMAC by the algorithm its header names ({@code HS256}, {@code HS384}
     * or {@code HS512}; {@code HS256} when it names another), whatever that is; so {@code
     * withHeader("alg", "HS512").signedWithHmac(secret)} is the "right key, wrong algorithm" attack.
     *
     * @param secret the HMAC key, e.g. the service's own secret
     * @return the compact JWS
     */
    public String signedWithHmac(byte[] secret) {
        String alg = header.path("alg").asText();
        return signedWithHmac(alg.matches("HS(256|384|512)") ? alg : "HS256", secret);
    }

    /**
     * Returns the token signed with HMAC by {@code alg}, whatever the header says.
     *
     * @param alg {@code HS256}, {@code HS384} or {@code HS512}
     * @param secret the HMAC key
     * @return the compact JWS
     * @throws IllegalArgumentException if {@code alg} is not an HMAC algorithm
     */
    public String signedWithHmac(String alg, byte[] secret) {
        if (!alg.matches("HS(256|384|512)")) {
            throw new IllegalArgumentException("An HMAC JWS algorithm is HS256, HS384 or HS512, not " + alg);
        }
        String mac = "HmacSHA" + alg.substring(2);
        return sign(input -> {
            Mac hmac = Mac.getInstance(mac);
            hmac.init(new SecretKeySpec(secret, mac));
            return hmac.doFinal(input);
        });
    }

    /**
     * Returns the token signed with HMAC by a fresh random 256-bit key: another key than the service's.
     *
     * @return the compact JWS
     */
    public String signedWithOtherKey() {
        byte[] other = new byte[32];
        RANDOM.nextBytes(other);
        return signedWithHmac(other);
    }

    /**
     * Returns the token signed with RSASSA-PKCS1-v1_5 SHA-256 (RS256) by {@code key}, whatever the header says.
     *
     * @param key an RSA private key
     * @return the compact JWS
     */
    public String signedWithRsa(PrivateKey key) {
        return sign(input -> {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(input);
            return rsa.sign();
        });
    }

    /**
     * Returns the token as RS256, signed by a fresh RSA key whose public half rides in the header's
     * {@code jwk} (CVE-2018-0114): a verifier that takes the key from the token accepts it.
     *
     * @return the compact JWS
     */
    public String signedWithEmbeddedJwk() {
        KeyPair attacker = rsaKeyPair();
        RSAPublicKey publicKey = (RSAPublicKey) attacker.getPublic();
        ObjectNode jwk = JSON.createObjectNode()
                .put("kty", "RSA")
                .put("n", base64Unsigned(publicKey.getModulus()))
                .put("e", base64Unsigned(publicKey.getPublicExponent()));
        return withHeader("alg", "RS256").withHeader("jwk", jwk).signedWithRsa(attacker.getPrivate());
    }

    /**
     * Returns {@code header.payload.} with an empty signature, as {@code alg: none} prescribes.
     *
     * @return the unsecured JWS
     */
    public String unsigned() {
        return signingInput() + ".";
    }

    /**
     * Returns the token with the signature it was parsed with, whatever was changed: a tampered payload.
     *
     * @return the compact JWS with the original (now wrong) signature
     */
    public String withOriginalSignature() {
        return signingInput() + "." + signature;
    }

    /**
     * Returns cut-off variants of {@code token}: the last character gone, no signature part, an empty
     * signature, the header alone.
     *
     * @param token a compact JWS
     * @return four malformed tokens
     */
    public static List<String> truncations(String token) {
        int lastDot = token.lastIndexOf('.');
        return List.of(
                token.substring(0, token.length() - 1),
                token.substring(0, lastDot),
                token.substring(0, lastDot + 1),
                token.substring(0, token.indexOf('.')));
    }

    /**
     * Returns variants of {@code token} with dots added: a trailing dot, a fourth part, doubled dots.
     *
     * @param token a compact JWS
     * @return four malformed tokens
     */
    public static List<String> extraDots(String token) {
        int lastDot = token.lastIndexOf('.');
        return List.of(
                token + ".",
                token + "." + token.substring(lastDot + 1),
                token.substring(0, lastDot) + ".." + token.substring(lastDot + 1),
                token.replace(".", ".."));
    }

    /** Returns the forged header and claims, for failure messages. */
    @Override
    public String toString() {
        return header + "." + claims;
    }

    private String sign(Signer signer) {
        String input = signingInput();
        try {
            return input + "." + BASE64URL.encodeToString(signer.sign(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK could not sign the forgery: " + e.getMessage(), e);
        }
    }

    private String signingInput() {
        return encode(header) + "." + encode(claims);
    }

    private static String encode(JsonNode node) {
        return BASE64URL.encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode decode(String part) {
        try {
            if (JSON.readTree(Base64.getUrlDecoder().decode(part)) instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a base64url JSON object: " + part, e);
        }
        throw new IllegalArgumentException("Not a base64url JSON object: " + part);
    }

    private static String base64Unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        int start = bytes.length > 1 && bytes[0] == 0 ? 1 : 0; // JWK wants the unsigned big-endian form
        return BASE64URL.encodeToString(Arrays.copyOfRange(bytes, start, bytes.length));
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Signer {
        byte[] sign(byte[] input) throws GeneralSecurityException;
    }
}
