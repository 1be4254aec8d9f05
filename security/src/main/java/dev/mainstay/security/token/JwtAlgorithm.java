package dev.mainstay.security.token;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.MacAlgorithm;
import io.jsonwebtoken.security.SecureDigestAlgorithm;
import io.jsonwebtoken.security.SignatureAlgorithm;
import java.security.Key;
import java.security.KeyPair;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import javax.crypto.SecretKey;

/**
 * The JWS algorithms a key may be pinned to (RFC 7518), without {@code none}.
 *
 * <p>Each {@link JwtKey} is pinned to exactly one algorithm, and a token whose header names another is
 * refused before any key is used (RFC 8725 section 3.1). Use {@link #HS256} for a single service that
 * both issues and verifies; use {@link #ES256} when other services verify with a public key.
 */
public enum JwtAlgorithm {
    /** HMAC with SHA-256; a secret of at least 256 bits. */
    HS256(256),
    /** HMAC with SHA-384; a secret of at least 384 bits. */
    HS384(384),
    /** HMAC with SHA-512; a secret of at least 512 bits. */
    HS512(512),
    /** RSASSA-PKCS1-v1_5 with SHA-256; an RSA key of at least 2048 bits. */
    RS256(2048),
    /** RSASSA-PKCS1-v1_5 with SHA-384. */
    RS384(2048),
    /** RSASSA-PKCS1-v1_5 with SHA-512. */
    RS512(2048),
    /** RSASSA-PSS with SHA-256. */
    PS256(2048),
    /** RSASSA-PSS with SHA-384. */
    PS384(2048),
    /** RSASSA-PSS with SHA-512. */
    PS512(2048),
    /** ECDSA on P-256 with SHA-256. */
    ES256(256),
    /** ECDSA on P-384 with SHA-384. */
    ES384(384),
    /** ECDSA on P-521 with SHA-512. */
    ES512(521);

    private final int keyBits;

    JwtAlgorithm(int keyBits) {
        this.keyBits = keyBits;
    }

    /**
     * Tells whether this is an HMAC algorithm, whose one secret both signs and verifies.
     *
     * @return true for HS256, HS384 and HS512
     */
    public boolean isHmac() {
        return name().startsWith("HS");
    }

    /**
     * Returns the algorithm with the JWA name {@code id} (exact, case-sensitive as in a JWS header).
     *
     * @param id e.g. {@code "ES256"}, may be null
     * @return the algorithm, or null if {@code id} names none of these
     */
    public static JwtAlgorithm parse(String id) {
        for (JwtAlgorithm algorithm : values()) {
            if (algorithm.id().equals(id)) {
                return algorithm;
            }
        }
        return null;
    }

    /**
     * Returns the JWA name, as written in a token's {@code alg} header.
     *
     * @return e.g. {@code "HS256"}
     */
    public String id() {
        return name();
    }

    /** Returns jjwt's implementation of this algorithm. */
    @SuppressWarnings("unchecked")
    SecureDigestAlgorithm<Key, Key> jjwt() {
        return (SecureDigestAlgorithm<Key, Key>) raw();
    }

    /** Returns a new random secret (HMAC algorithms only). */
    SecretKey newSecret() {
        return ((MacAlgorithm) raw()).key().build();
    }

    /** Returns a new random key pair (RS, PS and ES algorithms only). */
    KeyPair newKeyPair() {
        return ((SignatureAlgorithm) raw()).keyPair().build();
    }

    private SecureDigestAlgorithm<?, ?> raw() {
        return Jwts.SIG.get().forKey(id());
    }

    /**
     * Checks that {@code key} has the type and size this algorithm needs.
     *
     * @throws IllegalArgumentException saying what kind of key is needed (never showing the key)
     */
    void requireSuitable(Key key, String kid) {
        String problem = problemWith(key);
        if (problem != null) {
            throw new IllegalArgumentException("JWT key '" + kid + "' cannot be used for " + id() + ": " + problem);
        }
    }

    private String problemWith(Key key) {
        if (isHmac()) {
            if (!(key instanceof SecretKey secret) || secret.getEncoded() == null) {
                return "it needs a secret key";
            }
            int bits = secret.getEncoded().length * 8;
            return bits >= keyBits ? null : "it needs at least " + keyBits + " bits, this one has " + bits;
        }
        if (name().startsWith("ES")) {
            if (!(key instanceof ECKey ec)) {
                return "it needs an EC key";
            }
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            return bits == keyBits
                    ? null
                    : "it needs a key on the " + keyBits + "-bit curve, this one is " + bits + "-bit";
        }
        if (!(key instanceof RSAKey rsa)) {
            return "it needs an RSA key";
        }
        int bits = rsa.getModulus().bitLength();
        return bits >= keyBits ? null : "it needs at least " + keyBits + " bits, this one has " + bits;
    }
}
