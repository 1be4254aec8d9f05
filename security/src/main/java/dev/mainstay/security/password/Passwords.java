package dev.mainstay.security.password;

import dev.mainstay.security.password.PasswordRejectedException.Reason;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/** The guards that apply to every password before bcrypt sees it, on hash and verify alike. */
final class Passwords {
    /** bcrypt reads at most 72 bytes of key; jBCrypt silently ignores the rest. */
    static final int MAX_BYTES = 72;

    private Passwords() {}

    /**
     * Returns {@code password} in Unicode NFC, or throws unless it can be hashed without loss.
     *
     * <p>NFC first, so that "é" typed as one code point (most keyboards) and as "e" plus a combining
     * accent (some phones and input methods) are the same password, on hash and verify alike; every
     * later rule (length, 72 bytes, common list) judges the normalised form.
     *
     * @throws PasswordRejectedException if it is null (jBCrypt would hash the text "null") or longer
     *     than 72 UTF-8 bytes (jBCrypt would truncate it, so two different passwords would match), or
     *     holds half of a surrogate pair (UTF-8 would turn it into {@code ?}, with the same effect)
     */
    static String requireHashable(String password) {
        if (password == null) {
            throw new PasswordRejectedException(Reason.MISSING, "is required");
        }
        // A lone surrogate is checked before normalising, which would pass it through unchanged anyway.
        if (hasLoneSurrogate(password)) {
            throw new PasswordRejectedException(Reason.NOT_TEXT, "must not contain half of a surrogate pair");
        }
        String normalized = Normalizer.normalize(password, Normalizer.Form.NFC);
        if (normalized.length() > MAX_BYTES / 4 && utf8Length(normalized) > MAX_BYTES) {
            throw new PasswordRejectedException(
                    Reason.TOO_LONG,
                    "must be at most " + MAX_BYTES + " bytes; non-Latin characters take 2-4 bytes each");
        }
        return normalized;
    }

    // core's Validation.isStorable makes the same check for stored text, but this package must work
    // without mainstay-core on the classpath (only security.web may import core), so it keeps its own.
    private static boolean hasLoneSurrogate(String text) {
        // codePoints() joins each well-formed pair into one code point; only a lone half stays a surrogate.
        return text.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
    }

    static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
