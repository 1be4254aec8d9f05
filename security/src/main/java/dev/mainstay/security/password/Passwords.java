package dev.mainstay.security.password;

import dev.mainstay.security.password.PasswordRejectedException.Reason;
import java.nio.charset.StandardCharsets;

/** The guards that apply to every password before bcrypt sees it, on hash and verify alike. */
final class Passwords {
    /** bcrypt reads at most 72 bytes of key; jBCrypt silently ignores the rest. */
    static final int MAX_BYTES = 72;

    private Passwords() {}

    /**
     * Throws unless {@code password} can be hashed without loss.
     *
     * @throws PasswordRejectedException if it is null (jBCrypt would hash the text "null") or longer
     *     than 72 UTF-8 bytes (jBCrypt would truncate it, so two different passwords would match), or
     *     holds half of a surrogate pair (UTF-8 would turn it into {@code ?}, with the same effect)
     */
    static String requireHashable(String password) {
        if (password == null) {
            throw new PasswordRejectedException(Reason.MISSING, "is required");
        }
        if (password.length() > MAX_BYTES / 4 && utf8Length(password) > MAX_BYTES) {
            throw new PasswordRejectedException(Reason.TOO_LONG, "must be at most " + MAX_BYTES + " bytes in UTF-8");
        }
        if (hasLoneSurrogate(password)) {
            throw new PasswordRejectedException(Reason.NOT_TEXT, "must not contain half of a surrogate pair");
        }
        return password;
    }

    private static boolean hasLoneSurrogate(String text) {
        // codePoints() joins each well-formed pair into one code point; only a lone half stays a surrogate.
        return text.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
    }

    static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
