package dev.mainstay.core;

import io.javalin.http.Context;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.MDC;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is sane, else a fresh one.
 *
 * <p>A sane id is 1..128 characters of {@code [A-Za-z0-9._:-]}: enough for UUIDs and trace ids, and
 * nothing that could forge a log line or a header. Fresh ids are 16 hex digits of
 * {@code SecureRandom} output, drawn in batches ({@link RequestIdSource}): unique enough to find a
 * request in the logs, and telling a caller nothing about other requests.
 */
final class RequestIds {
    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    static final String ATTRIBUTE = "mainstay.requestId";
    private static final int MAX_LENGTH = 128;
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final RequestIdSource[] RANDOM =
            RequestIdSource.striped(Runtime.getRuntime().availableProcessors());

    private RequestIds() {}

    /** The before-handler: picks the id, echoes it, and puts it in the MDC for the handler's logs. */
    static void assign(Context ctx) {
        String id = ctx.header(HEADER);
        if (!isSane(id)) {
            id = generate();
        }
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
        MDC.put(MDC_KEY, id);
    }

    /** Returns the id of this request, assigning one if the before-handler did not run. */
    static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        if (id == null) {
            assign(ctx);
            id = ctx.attribute(ATTRIBUTE);
        }
        return id;
    }

    static boolean isSane(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '_'
                    || c == ':'
                    || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static String generate() {
        // ThreadLocalRandom only spreads threads over the sources; the bits come from SecureRandom.
        long bits = RANDOM[ThreadLocalRandom.current().nextInt(RANDOM.length)].nextLong();
        char[] out = new char[16];
        for (int i = 15; i >= 0; i--) {
            out[i] = HEX[(int) (bits & 0xF)];
            bits >>>= 4;
        }
        return new String(out);
    }
}
