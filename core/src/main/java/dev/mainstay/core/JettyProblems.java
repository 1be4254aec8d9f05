package dev.mainstay.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the errors that Jetty raises itself, before a request reaches Javalin, as RFC 9457 problems
 * instead of Jetty's HTML page: a URL or a header block over the limit (414, 431), a request line
 * Jetty cannot parse (400).
 *
 * <p>The body holds the status and its standard reason phrase only. It never shows Jetty's message or
 * cause, which may echo the request or name internals. The application's {@code ProblemWriter} is not
 * used: these requests never reached the application, which is also why they carry no request id.
 * Jetty closes the connection after most of them; a client that pools connections should expect it.
 */
final class JettyProblems extends ErrorHandler {
    static final String CONTENT_TYPE = "application/problem+json";

    @Override
    protected void generateResponse(
            Request request, Response response, int status, String message, Throwable cause, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
        response.write(true, body(status), callback);
    }

    private static ByteBuffer body(int status) {
        // Jetty's reason phrases are plain ASCII without quotes, so no JSON escaping is needed.
        String json = "{\"type\":\"about:blank\",\"title\":\"" + HttpStatus.getMessage(status) + "\",\"status\":"
                + status + "}";
        return ByteBuffer.wrap(json.getBytes(StandardCharsets.US_ASCII));
    }
}
