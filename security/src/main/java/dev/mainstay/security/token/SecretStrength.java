package dev.mainstay.security.token;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
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

    /**
     * Returns why the configured base64 text of a secret is not what a key generator writes, or null.
     *
     * <p>The decoded bytes alone cannot tell: the JDK decoder takes unpadded text and ignores spare
     * bits, so most passphrases made of letters and dashes decode to random-looking bytes. A generator
     * ({@code openssl rand -base64 32}) writes canonical, padded base64 whose characters are close to
     * uniform over the alphabet; a passphrase is almost never that. The thresholds sit far below what
     * random keys reach: over 43 characters, random text has both cases with probability 1 - 4e-10 and
     * a character entropy of 4.85 bits (sd 0.12), never seen under 4.1 in 200,000 draws.
     */
    static String weaknessOfBase64Text(String text) {
        if (!isCanonicalBase64(text)) {
            return "it is not canonical, padded base64 as a key generator writes it";
        }
        String body = text.substring(0, text.indexOf('=') < 0 ? text.length() : text.indexOf('='));
        if (body.chars().noneMatch(Character::isUpperCase) || body.chars().noneMatch(Character::isLowerCase)) {
            return "its text lacks upper- or lower-case letters, so it was typed, not generated";
        }
        if (entropyBitsPerChar(body) < MIN_TEXT_ENTROPY_BITS) {
            return "its text repeats characters too much to be random";
        }
        return null;
    }

    /** Below this per-character entropy, base64 text is not from a random source (random: ~4.85). */
    private static final double MIN_TEXT_ENTROPY_BITS = 4.0;

    private static boolean isCanonicalBase64(String text) {
        if (text.isEmpty() || text.length() % 4 != 0) {
            return false;
        }
        boolean urlSafe = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
        try {
            byte[] bytes = (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text);
            // Re-encoding gives the same text only if the padding is right and the spare bits are zero.
            return text.equals((urlSafe ? Base64.getUrlEncoder() : Base64.getEncoder()).encodeToString(bytes));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private static double entropyBitsPerChar(String text) {
        Map<Integer, Integer> counts = new HashMap<>();
        text.chars().forEach(c -> counts.merge(c, 1, Integer::sum));
        double entropy = 0;
        for (int count : counts.values()) {
            double p = (double) count / text.length();
            entropy -= p * Math.log(p) / Math.log(2);
        }
        return entropy;
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
