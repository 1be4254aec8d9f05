package ${package}.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

/**
 * A small real HTTP client for the tests: JSON bodies, optional bearer token, whole responses as text.
 * Thread-safe.
 */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final URI base;
    private final ObjectMapper json;

    Http(int port, ObjectMapper json) {
        this.base = URI.create("http://localhost:" + port);
        this.json = json;
    }

    /** Sends a request without a body; {@code token} may be {@code null}. */
    public HttpResponse<String> send(String method, String path, String token) {
        return send(request(path, token).method(method, BodyPublishers.noBody()));
    }

    /** Sends a JSON body ({@code String} as is, anything else serialized); {@code token} may be {@code null}. */
    public HttpResponse<String> send(String method, String path, String token, Object body) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .method(method, BodyPublishers.ofString(write(body))));
    }

    /** Sends a request built by the caller (for odd headers or content types). */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a response", e);
        }
    }

    /**
     * Sends a request on a connection of its own, for a request over the server's size limits: Jetty
     * answers such a request and closes the connection, and a closed connection left in the shared
     * pool would fail the next request. Throws {@code UncheckedIOException} when the answer is cut off.
     */
    public HttpResponse<String> sendAlone(HttpRequest.Builder request) {
        try {
            return HttpClient.newHttpClient().send(request.build(), BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a response", e);
        }
    }

    /** Returns a request builder for {@code path} with the bearer token, if any. */
    public HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    /** Parses a response body as JSON. */
    public JsonNode json(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new AssertionError("Not JSON (status " + response.statusCode() + "): " + response.body(), e);
        }
    }

    private String write(Object body) {
        try {
            return body instanceof String text ? text : json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
