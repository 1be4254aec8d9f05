package dev.mainstay.security.token;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PEM key files with the JDK alone: PKCS#8 private keys ({@code BEGIN PRIVATE KEY}) and X.509
 * public keys ({@code BEGIN PUBLIC KEY}), RSA or EC. Errors say how to convert other formats.
 */
final class PemKeys {
    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private PemKeys() {}

    static PrivateKey privateKey(String pem, JwtAlgorithm algorithm) {
        byte[] der = der(pem, "PRIVATE KEY");
        try {
            return keyFactory(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("is not a PKCS#8 " + family(algorithm) + " private key", e);
        }
    }

    static PublicKey publicKey(String pem, JwtAlgorithm algorithm) {
        byte[] der = der(pem, "PUBLIC KEY");
        try {
            return keyFactory(algorithm).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("is not an X.509 " + family(algorithm) + " public key", e);
        }
    }

    private static byte[] der(String pem, String expectedLabel) {
        Matcher block = BLOCK.matcher(pem);
        if (!block.find()) {
            throw new IllegalArgumentException("is not PEM: expected a '-----BEGIN " + expectedLabel + "-----' block");
        }
        String label = block.group(1);
        if (!label.equals(expectedLabel)) {
            throw new IllegalArgumentException("holds a '" + label + "' but must hold a '" + expectedLabel + "'"
                    + (label.endsWith("PRIVATE KEY")
                            ? "; convert it with: openssl pkcs8 -topk8 -nocrypt -in old.pem -out key.pem"
                            : ""));
        }
        try {
            return Base64.getMimeDecoder().decode(block.group(2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("has a PEM block that is not valid base64", e);
        }
    }

    private static KeyFactory keyFactory(JwtAlgorithm algorithm) throws GeneralSecurityException {
        return KeyFactory.getInstance(family(algorithm));
    }

    private static String family(JwtAlgorithm algorithm) {
        return algorithm.name().startsWith("ES") ? "EC" : "RSA";
    }
}
