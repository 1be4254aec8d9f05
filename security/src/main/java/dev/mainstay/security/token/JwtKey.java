package dev.mainstay.security.token;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.KeyOperation;
import io.jsonwebtoken.security.PrivateJwk;
import java.security.Key;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * One entry of the JWT key table: a key id, the one algorithm it is pinned to, and its key material.
 *
 * <p>A key with a {@code signingKey} can issue tokens; one without verifies only (an older key kept
 * during rotation, or another service's public key). The constructor checks that the keys fit the
 * algorithm (type and size) and that a private and public key belong together. {@link #toString()}
 * never shows key material. Immutable and thread-safe.
 *
 * @param kid the key id written to and looked up from the token header; 1-128 visible ASCII characters
 * @param algorithm the only algorithm this key accepts
 * @param signingKey the secret or private key that signs, or null for a verify-only key
 * @param verificationKey the secret or public key that verifies
 */
public record JwtKey(String kid, JwtAlgorithm algorithm, Key signingKey, Key verificationKey) {
    private static final Pattern KID = Pattern.compile("\\p{Graph}{1,128}");

    /**
     * Checks the key id and that the keys fit the algorithm and each other.
     *
     * @param kid the key id, 1-128 visible ASCII characters
     * @param algorithm the only algorithm this key accepts
     * @param signingKey the key that signs, or null for a verify-only key
     * @param verificationKey the key that verifies
     * @throws IllegalArgumentException if the id is malformed, a key does not fit the algorithm, or the
     *     two keys do not belong together
     */
    public JwtKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(verificationKey, "verificationKey");
        if (!KID.matcher(kid).matches()) {
            throw new IllegalArgumentException(
                    "A JWT key id must be 1-128 visible ASCII characters, not '" + kid + "'");
        }
        algorithm.requireSuitable(verificationKey, kid);
        if (!algorithm.isHmac() && !(verificationKey instanceof PublicKey)) {
            throw new IllegalArgumentException(
                    "JWT key '" + kid + "': " + algorithm.id() + " verifies with a public key");
        }
        if (signingKey != null) {
            algorithm.requireSuitable(signingKey, kid);
            requirePair(kid, algorithm, signingKey, verificationKey);
        }
    }

    /**
     * Returns an HMAC key from secret bytes, refusing secrets that are not random keys.
     *
     * @param kid the key id
     * @param algorithm HS256, HS384 or HS512
     * @param secret at least as many random bits as the algorithm's hash (256 for HS256)
     * @return a key that signs and verifies
     * @throws IllegalArgumentException if the secret is short, a published example, readable text or
     *     patterned; the message never shows the secret
     */
    public static JwtKey hmac(String kid, JwtAlgorithm algorithm, byte[] secret) {
        if (!algorithm.isHmac()) {
            throw new IllegalArgumentException("JWT key '" + kid + "': " + algorithm.id() + " does not take a secret");
        }
        String weakness = SecretStrength.weaknessOfBytes(secret);
        if (weakness != null) {
            throw new IllegalArgumentException("JWT key '" + kid + "' is not a safe secret: " + weakness);
        }
        SecretKey key = new SecretKeySpec(secret, "HmacSHA" + algorithm.name().substring(2));
        return new JwtKey(kid, algorithm, key, key);
    }

    /**
     * Returns an HMAC key from base64 text (standard or URL-safe alphabet), as written in config.
     *
     * @param kid the key id
     * @param algorithm HS256, HS384 or HS512
     * <p>Only text a key generator writes is taken: canonical base64 with its {@code =} padding (as
     * {@code openssl rand -base64 32} prints it), whose characters look random (both letter cases, no
     * heavy repetition). A passphrase that merely decodes as base64 is refused.
     *
     * @param base64Secret the secret, e.g. the output of {@code openssl rand -base64 32}
     * @return a key that signs and verifies
     * @throws IllegalArgumentException as {@link #hmac(String, JwtAlgorithm, byte[])}, or if the text is
     *     not canonical padded base64 or does not look generated; the message names the command that
     *     makes a good secret and never shows the secret
     */
    public static JwtKey hmac(String kid, JwtAlgorithm algorithm, String base64Secret) {
        String text = base64Secret.strip();
        String weakness = SecretStrength.weaknessOfText(text);
        if (weakness == null) {
            weakness = SecretStrength.weaknessOfBase64Text(text);
        }
        if (weakness != null) {
            throw new IllegalArgumentException("JWT key '" + kid + "' is not a safe secret: " + weakness
                    + "; generate one with: " + generateCommand(algorithm));
        }
        boolean urlSafe = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
        byte[] secret = (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text);
        try {
            return hmac(kid, algorithm, secret);
        } catch (IllegalArgumentException weak) {
            throw new IllegalArgumentException(weak.getMessage() + "; generate one with: " + generateCommand(algorithm));
        }
    }

    /**
     * Returns the shell command that makes a good secret for an HMAC algorithm, e.g. {@code openssl
     * rand -base64 32} for HS256: the text to quote in every message that refuses a secret.
     *
     * @param algorithm HS256, HS384 or HS512
     * @return the command
     */
    public static String generateCommand(JwtAlgorithm algorithm) {
        return "openssl rand -base64 " + Integer.parseInt(algorithm.id().substring(2)) / 8;
    }

    /**
     * Returns an RSA or EC key from PEM text: PKCS#8 {@code PRIVATE KEY} and X.509 {@code PUBLIC KEY}.
     *
     * @param kid the key id
     * @param algorithm an RS, PS or ES algorithm
     * @param privateKeyPem the private key, or null for a verify-only key
     * @param publicKeyPem the public key, not null
     * @return the key
     * @throws IllegalArgumentException if a PEM cannot be read, does not fit the algorithm, or the two
     *     keys do not belong together
     */
    public static JwtKey fromPem(String kid, JwtAlgorithm algorithm, String privateKeyPem, String publicKeyPem) {
        if (algorithm.isHmac()) {
            throw new IllegalArgumentException(
                    "JWT key '" + kid + "': " + algorithm.id() + " takes a secret, not PEM keys");
        }
        PrivateKey privateKey = null;
        if (privateKeyPem != null) {
            privateKey = pem(kid, "private key", () -> PemKeys.privateKey(privateKeyPem, algorithm));
        }
        PublicKey publicKey = pem(kid, "public key", () -> PemKeys.publicKey(publicKeyPem, algorithm));
        return new JwtKey(kid, algorithm, privateKey, publicKey);
    }

    /**
     * Returns a key from a JSON Web Key (RFC 7517): a private or secret JWK signs, a public JWK verifies.
     *
     * <p>The JWK must name its {@code kid} and {@code alg}, and must be meant for signatures: a
     * {@code use} other than {@code sig}, or {@code key_ops} without {@code verify}, is refused.
     * Secrets given this way are taken as they are (no passphrase detection).
     *
     * @param json the JWK as JSON
     * @return the key
     * @throws IllegalArgumentException if the JWK is unusable for signatures or cannot be parsed
     */
    public static JwtKey fromJwk(String json) {
        Jwk<?> jwk;
        try {
            jwk = Jwks.parser().build().parse(json);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "Cannot read the JWK: " + e.getClass().getSimpleName(), e);
        }
        String kid = jwk.getId();
        Object use = jwk.get("use");
        if (use != null && !"sig".equals(use)) {
            throw new IllegalArgumentException(
                    "JWK '" + kid + "' has use '" + use + "'; only 'sig' keys verify tokens");
        }
        Set<KeyOperation> ops = jwk.getOperations();
        if (ops != null && !ops.isEmpty() && ops.stream().noneMatch(op -> "verify".equals(op.getId()))) {
            throw new IllegalArgumentException("JWK '" + kid + "' has key_ops without 'verify'");
        }
        if (jwk.getAlgorithm() == null || kid == null) {
            throw new IllegalArgumentException("A JWK must name its 'kid' and 'alg' to be pinned");
        }
        JwtAlgorithm algorithm = JwtAlgorithm.parse(jwk.getAlgorithm());
        if (algorithm == null) {
            throw new IllegalArgumentException(
                    "JWK '" + kid + "' names alg '" + jwk.getAlgorithm() + "', which is not a supported JWS algorithm");
        }
        if (jwk instanceof PrivateJwk<?, ?, ?> pair) {
            return new JwtKey(kid, algorithm, pair.toKey(), pair.toPublicJwk().toKey());
        }
        Key key = jwk.toKey();
        return new JwtKey(kid, algorithm, key instanceof PublicKey ? null : key, key);
    }

    /**
     * Returns a new random key from a CSPRNG, for development and tests; it is lost on restart.
     *
     * @param kid the key id
     * @param algorithm any algorithm
     * @return a key that signs and verifies
     */
    public static JwtKey generate(String kid, JwtAlgorithm algorithm) {
        if (algorithm.isHmac()) {
            SecretKey key = algorithm.newSecret();
            return new JwtKey(kid, algorithm, key, key);
        }
        KeyPair pair = algorithm.newKeyPair();
        return new JwtKey(kid, algorithm, pair.getPrivate(), pair.getPublic());
    }

    /**
     * Returns this key without its signing half, as another service that only verifies would hold it.
     *
     * @return a verify-only copy
     */
    public JwtKey verifyOnly() {
        return new JwtKey(kid, algorithm, null, verificationKey);
    }

    /**
     * Tells whether this key can issue tokens.
     *
     * @return true if it has a signing key
     */
    public boolean canSign() {
        return signingKey != null;
    }

    /** Returns the key id and algorithm, never key material. */
    @Override
    public String toString() {
        return "JwtKey[kid=" + kid + ", algorithm=" + algorithm + ", canSign=" + canSign() + "]";
    }

    private interface PemReader<K> {
        K read();
    }

    private static <K> K pem(String kid, String what, PemReader<K> reader) {
        try {
            return reader.read();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("JWT key '" + kid + "': the " + what + " " + e.getMessage(), e);
        }
    }

    private static void requirePair(String kid, JwtAlgorithm algorithm, Key signingKey, Key verificationKey) {
        if (algorithm.isHmac()) {
            if (!signingKey.equals(verificationKey)) {
                throw new IllegalArgumentException(
                        "JWT key '" + kid + "': an HMAC key signs and verifies with one secret");
            }
            return;
        }
        byte[] probe = {1, 2, 3};
        try {
            String jws = Jwts.builder()
                    .content(probe)
                    .signWith(signingKey, algorithm.jjwt())
                    .compact();
            Jwts.parser().verifyWith((PublicKey) verificationKey).build().parseSignedContent(jws);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "JWT key '" + kid + "': the private and public keys do not belong together");
        }
    }
}
