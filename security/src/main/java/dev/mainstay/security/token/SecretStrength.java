package dev.mainstay.security.token;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Recognises HMAC secrets that are not random keys: published examples, passphrases, patterns.
 *
 * <p>RFC 8725 section 3.5: a human-memorable password must not be used as an HMAC key. Real keys come
 * from a CSPRNG ({@code openssl rand -base64 32}); such bytes are almost never all printable ASCII
 * (chance (95/256)^32, about 10^-14) and almost never repeat much, so both are safe tests.
 */
final class SecretStrength {
    /**
     * Secrets copied from documentation and sample apps; attackers try these first. Compared both as
     * the configured text and as decoded bytes.
     */
    private static final Set<String> WELL_KNOWN = Set.of(
            "secret",
            "changeme",
            "change-me",
            "changeit",
            "password",
            "supersecret",
            "mysecretkey",
            "jwt-secret",
            "your-256-bit-secret", // jwt.io's HS256 sample
            "your-384-bit-secret",
            "your-512-bit-secret",
            "a-string-secret-at-least-256-bits-long", // jwt.io's current sample
            // The RealWorld (Conduit) Spring Boot example's jwt.secret, copied into many forks.
            "nrvyyc4sofxbdz-f-5nnzz5usxstr1yylstd-ma0akti9hulrigrtkf-tiudapkliucogo3jok7kwzisrhp6wa");

    private SecretStrength() {}

    /** Returns why the configured text of a secret is a known example, or null. */
    static String weaknessOfText(String configured) {
        return WELL_KNOWN.contains(configured.strip().toLowerCase(Locale.ROOT))
                ? "it is a published example secret that attackers try first"
                : null;
    }

    /** Returns why {@code secret} is not a random key, or null if it looks like one. */
    static String weaknessOfBytes(byte[] secret) {
        if (weaknessOfText(new String(secret, StandardCharsets.UTF_8)) != null) {
            return "it is a published example secret that attackers try first";
        }
        if (allPrintableAscii(secret)) {
            return "it is readable text (a passphrase), not random bytes";
        }
        if (distinctValues(secret) < Math.min(secret.length, 256) / 2) {
            return "it repeats too many bytes to be random";
        }
        return null;
    }

    private static boolean allPrintableAscii(byte[] secret) {
        for (byte b : secret) {
            if (b < 0x20 || b > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static int distinctValues(byte[] secret) {
        boolean[] seen = new boolean[256];
        for (byte b : secret) {
            seen[b & 0xff] = true;
        }
        int count = 0;
        for (boolean s : seen) {
            count += s ? 1 : 0;
        }
        return count;
    }
}
