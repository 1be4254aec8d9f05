package dev.mainstay.security.password;

import java.util.regex.Pattern;

/**
 * Reads stored bcrypt hashes: checks their shape and normalises the prefix jBCrypt cannot read.
 *
 * <p>{@code $2b$} (OpenBSD, 2014) and {@code $2y$} (crypt_blowfish, PHP) compute exactly what
 * {@code $2a$} computes for every password we accept (at most 72 bytes, valid UTF-8), so a hash from
 * another system verifies after the prefix is rewritten. {@code $2x$} is crypt_blowfish's knowingly
 * buggy variant and is not accepted. Costs above 20 are refused too: one check would take minutes,
 * so such a hash can only be a mistake or an attempt to stall the server.
 */
final class BcryptHashes {
    private static final Pattern SHAPE = Pattern.compile("\\$2[aby]\\$(0[4-9]|1[0-9]|20)\\$[./A-Za-z0-9]{53}");

    private BcryptHashes() {}

    /**
     * Returns {@code stored} with a {@code $2a$} prefix, or {@code null} if it is not a usable bcrypt hash.
     *
     * @param stored a hash as stored, may be null
     */
    static String normalize(String stored) {
        if (stored == null || stored.length() != 60 || !SHAPE.matcher(stored).matches()) {
            return null;
        }
        return stored.charAt(2) == 'a' ? stored : "$2a" + stored.substring(3);
    }

    /** Returns the cost of a hash that {@link #normalize} accepted. */
    static int cost(String normalized) {
        return Integer.parseInt(normalized, 4, 6, 10);
    }
}
