package dev.mainstay.examples.realworld;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A JWT taken apart so that a test can forge variants of it: change the header or a claim, then sign
 * with any HMAC key, keep the old signature, or sign with none. Immutable.
 *
 * @param header the decoded header
 * @param claims the decoded payload
 * @param signature the original base64url signature
 */
record ForgedJwt(ObjectNode header, ObjectNode claims, String signature) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    /** Takes apart a compact JWS {@code header.payload.signature}. */
    static ForgedJwt parse(String token) {
        String[] parts = token.split("\\.");
        return new ForgedJwt(decode(parts[0]), decode(parts[1]), parts[2]);
    }

    ForgedJwt withHeader(String name, String value) {
        ObjectNode copy = header.deepCopy();
        copy.put(name, value);
        return new ForgedJwt(copy, claims, signature);
    }

    ForgedJwt withClaim(String name, String value) {
        ObjectNode copy = claims.deepCopy();
        copy.put(name, value);
        return new ForgedJwt(header, copy, signature);
    }

    ForgedJwt withClaim(String name, long value) {
        ObjectNode copy = claims.deepCopy();
        copy.put(name, value);
        return new ForgedJwt(header, copy, signature);
    }

    /** Returns {@code header.payload.} with an empty signature, as {@code alg: none} has it. */
    String unsigned() {
        return signingInput() + ".";
    }

    /** Returns the token with its original signature, whatever was changed. */
    String withOriginalSignature() {
        return signingInput() + "." + signature;
    }

    /** Returns the token signed with {@code key} by {@code macAlgorithm}, e.g. {@code HmacSHA256}. */
    String signedWith(byte[] key, String macAlgorithm) {
        try {
            Mac mac = Mac.getInstance(macAlgorithm);
            mac.init(new SecretKeySpec(key, macAlgorithm));
            byte[] signed = mac.doFinal(signingInput().getBytes(StandardCharsets.US_ASCII));
            return signingInput() + "." + ENCODER.encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String signingInput() {
        return encode(header) + "." + encode(claims);
    }

    private static String encode(ObjectNode json) {
        return ENCODER.encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode decode(String part) {
        try {
            return (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(part));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
