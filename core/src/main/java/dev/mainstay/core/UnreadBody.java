package dev.mainstay.core;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads and discards what is left of a request body before an error answer, so that the client can
 * read the answer.
 *
 * <p>Why: a handler that refuses a request early (413 before reading an oversized body, 401 before
 * reading any) leaves the body unread. Jetty then closes the connection, and the client, still
 * sending, gets a reset or a broken pipe instead of the answer: curl and browsers uploading a large
 * file show a network error, and {@code java.net.http.HttpClient} fails with "header parser received
 * no bytes". Reading the rest first lets the client finish sending and then read the problem.
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

    /** Discards the unread rest of the body of {@code ctx}, within the bounds; never throws. */
    static void discard(Context ctx) {
        long announced = ctx.req().getContentLengthLong();
        if (announced == 0) {
            return;
        }
        long limit = LIMIT_FACTOR * ctx.appData(Json.MAX_BODY_KEY);
        if (announced > limit) {
            return;
        }
        long deadline = System.nanoTime() + TIME_LIMIT_NANOS;
        try {
            InputStream in = ctx.req().getInputStream();
            if (in.read() < 0) {
                return; // read already, or none (a GET): the common case, so no buffer for it
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
