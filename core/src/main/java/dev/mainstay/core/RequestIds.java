package dev.mainstay.core;

import io.javalin.http.Context;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.MDC;

/**
 * Gives every request an id and a place in a W3C trace: the caller's {@code X-Request-Id} when it is
 * sane, else a fresh one; the caller's {@code traceparent} when it is valid, else a new trace.
 *
 * <p>A sane id is 1..128 characters of {@code [A-Za-z0-9._:-]}: enough for UUIDs and trace ids, and
 * nothing that could forge a log line or a header. Fresh ids are 16 hex digits of
 * {@code SecureRandom} output, drawn in batches ({@link RequestIdSource}): unique enough to find a
 * request in the logs, and telling a caller nothing about other requests.
 *
 * <p>Trace context (W3C Trace Context, level 1): every request gets a span id of its own, 16 fresh hex
 * digits, which is also its request id when the caller sent none, so one random draw serves both. The
 * trace id is the caller's when its {@code traceparent} is valid, else 32 fresh hex digits. The
 * response carries {@code traceparent: 00-<trace id>-<span id>-<flags>}, keeping only the caller's
 * sampled flag: Mainstay records no spans itself, it only passes the trace on. Trace id and request id
 * are both in the MDC, for every log line of the request.
 *
 * <p>Under the OpenTelemetry Java agent ({@code -javaagent}) the agent's server span is the request's
 * span, and its ids win: the agent's Jetty and servlet instrumentations store them on the request as the
 * attributes {@code trace_id} and {@code span_id} before any handler runs, so Mainstay takes them from
 * there. Without that, a request that came with no {@code traceparent} would carry one trace id in
 * Mainstay's logs and responses and another in the agent's spans (and, with a {@code traceparent}, a
 * response span id that no exported span has). Reading two request attributes needs no OpenTelemetry
 * dependency at all. The agent's sampling decision is not visible there, so the flags stay the caller's.
 */
final class RequestIds {
    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    static final String ATTRIBUTE = "mainstay.requestId";
    static final String TRACEPARENT = "traceparent";
    static final String TRACE_MDC_KEY = "traceId";
    static final String TRACE_ATTRIBUTE = "mainstay.traceId";
    /** The request attributes where the OpenTelemetry Java agent puts the ids of its server span. */
    static final String AGENT_TRACE_ID = "trace_id";
    static final String AGENT_SPAN_ID = "span_id";
    private static final int MAX_LENGTH = 128;
    /** {@code 00-} + 32 hex trace id + {@code -} + 16 hex span id + {@code -} + 2 hex flags. */
    static final int TRACEPARENT_LENGTH = 55;
    private static final int TRACE_ID = 3;
    private static final int SPAN_ID = 36;
    private static final int FLAGS = 53;
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final RequestIdSource[] RANDOM =
            RequestIdSource.striped(Runtime.getRuntime().availableProcessors());

    private RequestIds() {}

    /** The before-handler: picks the ids, echoes them, and puts them in the MDC for the handler's logs. */
    static void assign(Context ctx) {
        String incoming = ctx.header(TRACEPARENT);
        boolean continued = isValidTraceparent(incoming);
        char[] parent = new char[TRACEPARENT_LENGTH];
        parent[0] = '0';
        parent[1] = '0';
        parent[2] = '-';
        parent[SPAN_ID - 1] = '-';
        parent[FLAGS - 1] = '-';
        if (!fromAgent(ctx, parent)) {
            fresh(incoming, continued, parent);
        }
        String traceId = new String(parent, TRACE_ID, 32);
        // The caller's sampled flag, for the caller's trace only (an agent may have started another).
        boolean sampled = continued
                && incoming.startsWith(traceId, TRACE_ID)
                && (Character.digit(incoming.charAt(FLAGS + 1), 16) & 1) == 1;
        parent[FLAGS] = '0';
        parent[FLAGS + 1] = sampled ? '1' : '0';
        String traceparent = new String(parent);
        String id = ctx.header(HEADER);
        if (!isSane(id)) {
            id = new String(parent, SPAN_ID, 16);
        }
        ctx.attribute(ATTRIBUTE, id);
        ctx.attribute(TRACE_ATTRIBUTE, traceId);
        ctx.header(HEADER, id);
        ctx.header(TRACEPARENT, traceparent);
        MDC.put(MDC_KEY, id);
        MDC.put(TRACE_MDC_KEY, traceId);
    }

    /**
     * Copies the ids of the OpenTelemetry agent's server span into {@code parent}, if the agent put valid
     * ones on the request; returns whether it did.
     */
    private static boolean fromAgent(Context ctx, char[] parent) {
        if (!(ctx.req().getAttribute(AGENT_TRACE_ID) instanceof String traceId)
                || !(ctx.req().getAttribute(AGENT_SPAN_ID) instanceof String spanId)
                || !isId(traceId, 32)
                || !isId(spanId, 16)) {
            return false;
        }
        traceId.getChars(0, 32, parent, TRACE_ID);
        spanId.getChars(0, 16, parent, SPAN_ID);
        return true;
    }

    /** Draws a span id, and a trace id unless the caller's ({@code continued}) is kept, into {@code parent}. */
    private static void fresh(String incoming, boolean continued, char[] parent) {
        // Drawn together, under one lock. ThreadLocalRandom only spreads threads over the sources; the
        // bits come from SecureRandom.
        long[] bits = new long[continued ? 1 : 3];
        RANDOM[ThreadLocalRandom.current().nextInt(RANDOM.length)].fill(bits);
        if (continued) {
            incoming.getChars(TRACE_ID, TRACE_ID + 32, parent, TRACE_ID);
        } else {
            long high = bits[1];
            long low = bits[2];
            hex(high, parent, TRACE_ID);
            hex(low == 0 && high == 0 ? 1 : low, parent, TRACE_ID + 16); // all zeros is the invalid trace id
        }
        long span = bits[0];
        hex(span == 0 ? 1 : span, parent, SPAN_ID); // all zeros is the invalid span id
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

    /** Returns the trace id of this request, assigning one if the before-handler did not run. */
    static String traceIdOf(Context ctx) {
        String id = ctx.attribute(TRACE_ATTRIBUTE);
        if (id == null) {
            assign(ctx);
            id = ctx.attribute(TRACE_ATTRIBUTE);
        }
        return id;
    }

    /** Forgets the ids of the request that just ended, so the thread's next log lines do not carry them. */
    static void clearMdc() {
        MDC.remove(MDC_KEY);
        MDC.remove(TRACE_MDC_KEY);
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

    /**
     * W3C Trace Context's rules for a {@code traceparent} this server may continue: version 00 is exactly
     * 55 characters; a later version (not {@code ff}) may be longer, with a {@code -} after the flags;
     * lower-case hex throughout; neither the trace id nor the parent id all zeros.
     */
    static boolean isValidTraceparent(String header) {
        if (header == null || header.length() < TRACEPARENT_LENGTH) {
            return false;
        }
        boolean version00 = header.charAt(0) == '0' && header.charAt(1) == '0';
        boolean versionFf = header.charAt(0) == 'f' && header.charAt(1) == 'f';
        if (versionFf
                || (version00 && header.length() != TRACEPARENT_LENGTH)
                || (header.length() > TRACEPARENT_LENGTH && header.charAt(TRACEPARENT_LENGTH) != '-')) {
            return false;
        }
        return isLowerHex(header, 0, 2)
                && header.charAt(2) == '-'
                && isLowerHex(header, TRACE_ID, TRACE_ID + 32)
                && !isZeros(header, TRACE_ID, TRACE_ID + 32)
                && header.charAt(SPAN_ID - 1) == '-'
                && isLowerHex(header, SPAN_ID, SPAN_ID + 16)
                && !isZeros(header, SPAN_ID, SPAN_ID + 16)
                && header.charAt(FLAGS - 1) == '-'
                && isLowerHex(header, FLAGS, FLAGS + 2);
    }

    private static boolean isLowerHex(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isZeros(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }

    /** Tells whether {@code text} is an id of {@code length} lower-case hex digits, not all zeros. */
    private static boolean isId(String text, int length) {
        return text.length() == length && isLowerHex(text, 0, length) && !isZeros(text, 0, length);
    }

    /** Returns 16 fresh hex digits: the form of a request id Mainstay makes up. */
    static String generate() {
        char[] out = new char[16];
        hex(RANDOM[ThreadLocalRandom.current().nextInt(RANDOM.length)].nextLong(), out, 0);
        return new String(out);
    }

    private static void hex(long bits, char[] out, int offset) {
        for (int i = offset + 15; i >= offset; i--) {
            out[i] = HEX[(int) (bits & 0xF)];
            bits >>>= 4;
        }
    }
}
