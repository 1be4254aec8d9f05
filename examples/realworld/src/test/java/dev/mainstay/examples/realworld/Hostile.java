package dev.mainstay.examples.realworld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Sends hostile requests and checks the answers every one of them must get. */
final class Hostile {
    /** Text that only a stack trace or an exception's class name would put in a body. */
    static final List<String> STACK_TRACE_MARKS =
            List.of("\tat ", "at dev.", "at java.", "at org.", "at io.", "Exception", "Caused by", ".java:");
    private static final ObjectMapper READER = new ObjectMapper();
    private static final int SHOWN_BODY = 300;

    private Hostile() {}

    /**
     * Sends {@code method path} with {@code body} as {@code application/json} (none when {@code null}).
     *
     * @param sent what is being sent, for the failure message when the server closes the connection instead
     *     of answering
     */
    static HttpResponse<String> send(
            String sent, Conduit api, String method, String path, byte[] body, String... headers) {
        HttpRequest.Builder request = api.http.request(path, headers);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            if (request.build().headers().firstValue("Content-Type").isEmpty()) {
                request.header("Content-Type", "application/json");
            }
            request.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        try {
            return api.http.send(request);
        } catch (UncheckedIOException stale) {
            // After a 400, 414 or 431 of its own Jetty closes the connection; the client may still hold it
            // in its pool for a moment, and retries only idempotent methods itself. One more try runs on a
            // fresh connection: a server that drops this request fails it again.
            try {
                return api.http.send(request);
            } catch (UncheckedIOException e) {
                throw new AssertionError(sent + " -> no answer: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Asserts what every answer to hostile input must be: not a 5xx, no stack trace, and an error in the
     * spec's {@code {"errors": {"body": [...]}}} as {@code application/json}.
     *
     * @param sent what was sent, for the failure message (the variant, its seed and where it went)
     */
    static void assertHandled(String sent, HttpResponse<String> response) {
        String context = describe(sent, response);
        assertTrue(response.statusCode() < 500, context);
        assertNoStackTrace(context, response);
        if (response.statusCode() >= 400 && !answeredByJetty(response)) {
            assertRealWorldError(context, response);
        }
    }

    /**
     * Whether Jetty refused the request before any handler ran (a URI or headers too long, a URI it cannot
     * decode): core answers those with a plain problem, which the app's error writer never sees.
     */
    static boolean answeredByJetty(HttpResponse<String> response) {
        return List.of(400, 414, 431).contains(response.statusCode())
                && response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
    }

    /** Asserts a 4xx in the spec's error format, with {@link #assertHandled}'s other checks. */
    static void assertRejected(String sent, int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), describe(sent, response));
        assertHandled(sent, response);
    }

    static void assertNoStackTrace(String context, HttpResponse<String> response) {
        for (String mark : STACK_TRACE_MARKS) {
            assertFalse(response.body().contains(mark), "\"" + mark + "\" in the body: " + context);
        }
    }

    static void assertRealWorldError(String context, HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("application/json"), "content type " + type + ": " + context);
        JsonNode messages;
        try {
            messages = READER.readTree(response.body()).path("errors").path("body");
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + context, e);
        }
        assertTrue(messages.isArray() && !messages.isEmpty(), "not {\"errors\":{\"body\":[...]}}: " + context);
    }

    /** Returns {@code text} encoded for a path segment or query value ({@code %20}, never {@code +}). */
    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String describe(String sent, HttpResponse<String> response) {
        String body = response.body();
        String shown = body.length() > SHOWN_BODY ? body.substring(0, SHOWN_BODY) + "..." : body;
        return sent + " -> " + response.statusCode() + " " + shown;
    }
}
