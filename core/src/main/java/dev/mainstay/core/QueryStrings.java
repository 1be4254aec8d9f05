package dev.mainstay.core;

import dev.mainstay.core.problem.FieldError;
import dev.mainstay.core.problem.Problem;
import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Refuses a query string that cannot be percent-decoded, with a 400 naming the parameter.
 *
 * <p>Why: Javalin decodes query parameters lazily and drops one it cannot decode without a word, so
 * {@code ?cursor=%%%garbage} would read as "no cursor" and {@code ?limit=%%%} as "the default limit":
 * a 200 for a request the client got wrong. Bytes that are not UTF-8 once decoded ({@code %C0%AF}) are
 * refused too, where Javalin would turn them into {@code U+FFFD}, as {@link Json} refuses them in bodies.
 *
 * <p>The common case costs one scan for {@code %}: only a query string that has escapes is decoded.
 */
final class QueryStrings {
    private QueryStrings() {}

    /** The before-handler's check; throws a 400 problem for the first parameter that cannot be decoded. */
    static void requireDecodable(Context ctx) {
        String query = ctx.queryString();
        if (query == null || query.indexOf('%') < 0) {
            return;
        }
        int start = 0;
        while (start <= query.length()) {
            int end = query.indexOf('&', start);
            if (end < 0) {
                end = query.length();
            }
            int equals = query.indexOf('=', start);
            int nameEnd = equals >= 0 && equals < end ? equals : end;
            String name = decode(query, start, nameEnd);
            boolean valueOk = nameEnd == end || decode(query, nameEnd + 1, end) != null;
            if (name == null || !valueOk) {
                throw invalid(name == null ? query.substring(start, nameEnd) : name);
            }
            start = end + 1;
        }
    }

    /**
     * Decodes {@code text[from, to)} as {@code application/x-www-form-urlencoded} UTF-8, strictly.
     *
     * @return the decoded text, or {@code null} if an escape is not {@code %} and two hex digits, or the
     *     escaped bytes are not UTF-8
     */
    static String decode(String text, int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        byte[] run = null; // consecutive escapes, decoded together: one character may take several
        int runLength = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= to || !isHex(text.charAt(i + 1)) || !isHex(text.charAt(i + 2))) {
                    return null;
                }
                if (run == null) {
                    run = new byte[(to - i) / 3];
                }
                run[runLength++] =
                        (byte) (Character.digit(text.charAt(i + 1), 16) << 4 | Character.digit(text.charAt(i + 2), 16));
                i += 2;
                continue;
            }
            if (runLength > 0 && !appendUtf8(run, runLength, out)) {
                return null;
            }
            runLength = 0;
            out.append(c == '+' ? ' ' : c);
        }
        return runLength > 0 && !appendUtf8(run, runLength, out) ? null : out.toString();
    }

    private static boolean appendUtf8(byte[] bytes, int length, StringBuilder out) {
        try {
            out.append(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length)));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static RuntimeException invalid(String name) {
        return Problem.of(400, "Invalid request")
                .withDetail("The query parameter '" + name + "' is not valid percent-encoded UTF-8.")
                .withErrors(List.of(new FieldError(
                        "?" + name, "is not valid percent-encoding: write % and two hex digits, of UTF-8 bytes")))
                .toException();
    }
}
