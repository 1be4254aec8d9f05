package dev.mainstay.security.token;

/**
 * A strict syntax check of a compact JWS, run before jjwt sees the token.
 *
 * <p>jjwt's base64url decoder is lenient: it skips characters outside the alphabet and ignores
 * non-zero padding bits, so many different strings decode to the same token. We accept only the
 * canonical form RFC 7515 describes: three parts of the base64url alphabet without padding, whose
 * unused trailing bits are zero. This also keeps every check keyed on the token string (such as the
 * verified-token cache) sound, because one token has exactly one accepted spelling.
 */
final class CompactJws {
    /** Longer tokens are refused unread; ours are well under 1 KB. */
    static final int MAX_LENGTH = 8 * 1024;

    private CompactJws() {}

    /** Tells whether {@code token} is a canonical compact JWS of at most {@link #MAX_LENGTH} characters. */
    static boolean isCanonical(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
            return false;
        }
        int firstDot = token.indexOf('.');
        int secondDot = firstDot < 0 ? -1 : token.indexOf('.', firstDot + 1);
        if (secondDot < 0 || token.indexOf('.', secondDot + 1) >= 0) {
            return false;
        }
        return isCanonicalPart(token, 0, firstDot, false)
                && isCanonicalPart(token, firstDot + 1, secondDot, true)
                && isCanonicalPart(token, secondDot + 1, token.length(), false);
    }

    private static boolean isCanonicalPart(String token, int start, int end, boolean mayBeEmpty) {
        int length = end - start;
        if (length == 0) {
            return mayBeEmpty;
        }
        if (length % 4 == 1) {
            return false; // no byte string encodes to this many characters
        }
        for (int i = start; i < end; i++) {
            if (value(token.charAt(i)) < 0) {
                return false;
            }
        }
        int last = value(token.charAt(end - 1));
        // 2 leftover characters carry 12 bits for 8 (4 unused); 3 carry 18 for 16 (2 unused).
        int unusedBits = switch (length % 4) {
            case 2 -> 0b1111;
            case 3 -> 0b11;
            default -> 0;
        };
        return (last & unusedBits) == 0;
    }

    private static int value(char c) {
        if (c >= 'A' && c <= 'Z') return c - 'A';
        if (c >= 'a' && c <= 'z') return c - 'a' + 26;
        if (c >= '0' && c <= '9') return c - '0' + 52;
        if (c == '-') return 62;
        if (c == '_') return 63;
        return -1;
    }
}
