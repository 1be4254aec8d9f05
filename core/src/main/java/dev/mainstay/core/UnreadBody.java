package dev.mainstay.core;

import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads and discards what is left of a request body before the answer is written, so that the client
 * can read the answer and keep its connection. It runs as the first after-handler, after every
 * endpoint, before-handler refusal and exception handler.
 *
 * <p>Why: a handler may answer without reading the whole body: a 413 before reading an oversized body,
 * a 401 before reading any, or a 200 from a route that takes its input elsewhere (a cookie, the path).
 * After the answer Jetty reads only what has already arrived, and if more is on its way it closes the
 * connection, after an answer that did not say so.
 * <ul>
 *   <li>A client still sending gets a reset or a broken pipe instead of the answer: curl and browsers
 *       uploading a large file show a network error.
 *   <li>A client that has sent everything reuses the connection for its next request, which then fails:
 *       {@code java.net.http.HttpClient} reports "header parser received no bytes" and, for a POST, does
 *       not retry.
 * </ul>
 *
 * <p>Bounded, so a client cannot make the server read forever: at most {@link #LIMIT_FACTOR} times
 * {@code http.max-body-size} bytes, and reads stop once {@link #TIME_LIMIT_NANOS} has passed (a single
 * blocked read still ends at Jetty's idle timeout). A body announced as longer than the byte limit is
 * not read at all: reading part of it would not save the connection. Past the bounds the behaviour is
 * Jetty's: the answer is written and the connection closed.
 */
final class UnreadBody {
    static final long LIMIT_FACTOR = 4;
    static final long TIME_LIMIT_NANOS = 5_000_000_000L;
    private static final int BUFFER = 16 * 1024;

    private UnreadBody() {}

    /** Discards the unread rest of the body of {@code ctx}, within the bounds; never throws. An after-handler. */
    static void discard(Context ctx) {
        HttpServletRequest request = ctx.req();
        long announced = request.getContentLengthLong();
        if (announced == 0 || announced < 0 && request.getHeader("Transfer-Encoding") == null) {
            return; // no body (RFC 9112, 6.3): most requests, so decided without the input stream
        }
        long limit = LIMIT_FACTOR * ctx.appData(Json.MAX_BODY_KEY);
        if (announced > limit) {
            return;
        }
        long deadline = System.nanoTime() + TIME_LIMIT_NANOS;
        try {
            InputStream in = request.getInputStream();
            if (in.read() < 0) {
                return; // read already: the common case for a body, so no buffer for it
            }
            byte[] buffer = new byte[BUFFER];
            long total = 1;
            int read;
            while (total <= limit && System.nanoTime() - deadline < 0 && (read = in.read(buffer)) >= 0) {
                total += read;
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away, or the handler took the body as a reader: nothing left to save.
        }
    }
}
