package dev.mainstay.core.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A small real HTTP client ({@code java.net.http}) bound to a running app, for tests.
 *
 * <p>Every method sends one request and returns the whole response as text; extra headers are given as
 * name/value pairs ({@code "Authorization", "Bearer ..."}). A body that is not a {@code String} is
 * serialized with the app's JSON mapper and sent as {@code application/json}. Thread-safe.
 */
public final class TestClient {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Reads responses without the app's limits, which a test may have set very low on purpose. */
    private static final ObjectMapper READER = new ObjectMapper();

    private final URI base;
    private final URI adminBase;
    private final ObjectMapper json;

    TestClient(URI base, URI adminBase, ObjectMapper json) {
        this.base = base;
        this.adminBase = adminBase;
        this.json = json;
    }

    /** Returns a client for the admin port (health and metrics); itself when they share the main port. */
    public TestClient admin() {
        return base.equals(adminBase) ? this : new TestClient(adminBase, adminBase, json);
    }

    /** Returns the absolute URI of {@code path} (which starts with {@code /}) on this client's server. */
    public URI uri(String path) {
        return base.resolve(path);
    }

    /** Sends {@code GET path}. */
    public HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    /** Sends {@code POST path} with a JSON body. */
    public HttpResponse<String> post(String path, Object body, String... headers) {
        return send(withBody(request(path, headers), "POST", body));
    }

    /** Sends {@code PUT path} with a JSON body. */
    public HttpResponse<String> put(String path, Object body, String... headers) {
        return send(withBody(request(path, headers), "PUT", body));
    }

    /** Sends {@code PATCH path} with a JSON body. */
    public HttpResponse<String> patch(String path, Object body, String... headers) {
        return send(withBody(request(path, headers), "PATCH", body));
    }

    /** Sends {@code DELETE path}. */
    public HttpResponse<String> delete(String path, String... headers) {
        return send(request(path, headers).DELETE());
    }

    /** Returns a request builder for {@code path} with the given headers, for anything the helpers miss. */
    public HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT);
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("Headers come in name/value pairs; got " + headers.length + " strings");
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    /**
     * Sends a request built with {@link #request}.
     *
     * @throws UncheckedIOException if the server cannot be reached
     */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a response", e);
        }
    }

    /** Parses the body of {@code response} as JSON, for assertions such as {@code json(r).path("title")}. */
    public JsonNode json(HttpResponse<String> response) {
        try {
            return READER.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new AssertionError("The response body is not JSON: " + response.body(), e);
        }
    }

    private HttpRequest.Builder withBody(HttpRequest.Builder builder, String method, Object body) {
        String text;
        try {
            text = body instanceof String s ? s : json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write the request body as JSON", e);
        }
        if (builder.build().headers().firstValue("Content-Type").isEmpty()) {
            builder.header("Content-Type", "application/json");
        }
        return builder.method(method, HttpRequest.BodyPublishers.ofString(text));
    }
}
