package dev.mainstay.test;

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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A small real HTTP client ({@code java.net.http}) bound to a running app, for tests.
 *
 * <p>Every method sends one request and returns the whole response as text; extra headers are given as
 * name/value pairs ({@code "Authorization", "Bearer ..."}). A body that is not a {@code String} is
 * serialized with the app's JSON mapper and sent as {@code application/json}. Immutable and
 * thread-safe: {@link #withHeaders} returns a new client. Get one from {@link MainstayApp#client()},
 * {@link MainstayTest#run}, or {@link #to(URI)} for any server.
 */
public final class TestClient {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration METRICS_WAIT = Duration.ofSeconds(10);
    /** Reads responses without the app's limits, which a test may have set very low on purpose. */
    private static final ObjectMapper READER = new ObjectMapper();

    private final URI base;
    private final URI adminBase;
    private final ObjectMapper json;
    private final List<String> defaultHeaders;

    TestClient(URI base, URI adminBase, ObjectMapper json) {
        this(base, adminBase, json, List.of());
    }

    private TestClient(URI base, URI adminBase, ObjectMapper json, List<String> defaultHeaders) {
        this.base = base;
        this.adminBase = adminBase;
        this.json = json;
        this.defaultHeaders = defaultHeaders;
    }

    /**
     * Returns a client for a server at {@code base} (such as {@code http://localhost:8080}) that writes
     * bodies with a plain Jackson mapper; apps started by the kit get a client with their own mapper.
     *
     * @param base the server's scheme, host and port; paths are resolved against it
     * @return a client without default headers, whose admin client is itself
     */
    public static TestClient to(URI base) {
        return new TestClient(base, base, new ObjectMapper());
    }

    /**
     * Returns a client for the admin port (health and metrics); itself when they share the main port.
     *
     * @return a client for the admin port, with this client's default headers
     */
    public TestClient admin() {
        return base.equals(adminBase) ? this : new TestClient(adminBase, adminBase, json, defaultHeaders);
    }

    /**
     * Returns a client that sends {@code headers} (name/value pairs) with every request, before the
     * per-call ones; e.g. {@code client.withHeaders("Authorization", "Bearer " + token)}. This client
     * is unchanged.
     *
     * @param headers header names and values, alternating
     * @return a new client that adds these headers to its default ones
     * @throws IllegalArgumentException when the strings are not name/value pairs
     */
    public TestClient withHeaders(String... headers) {
        requirePairs(headers);
        List<String> all = new ArrayList<>(defaultHeaders);
        all.addAll(List.of(headers));
        return new TestClient(base, adminBase, json, List.copyOf(all));
    }

    /**
     * Returns the base URI of this client's server, such as {@code http://localhost:41234}.
     *
     * @return the URI paths are resolved against
     */
    public URI baseUri() {
        return base;
    }

    /**
     * Returns the absolute URI of {@code path} (which starts with {@code /}) on this client's server.
     *
     * @param path the path and query, e.g. {@code /api/items?limit=5}
     * @return the absolute URI
     */
    public URI uri(String path) {
        return base.resolve(path);
    }

    /**
     * Sends {@code GET path}.
     *
     * @param path the path and query, starting with {@code /}
     * @param headers extra header names and values, alternating
     * @return the response, whatever its status
     * @throws UncheckedIOException if the server cannot be reached
     */
    public HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    /**
     * Sends {@code POST path} with a JSON body, or none.
     *
     * @param path the path and query, starting with {@code /}
     * @param body a {@code String} sent as it is, an object written with the app's JSON mapper, or
     *     {@code null} for no body
     * @param headers extra header names and values, alternating
     * @return the response, whatever its status
     * @throws UncheckedIOException if the server cannot be reached
     */
    public HttpResponse<String> post(String path, Object body, String... headers) {
        return send(withBody(request(path, headers), "POST", body));
    }

    /**
     * Sends {@code PUT path} with a JSON body, or none.
     *
     * @param path the path and query, starting with {@code /}
     * @param body a {@code String} sent as it is, an object written with the app's JSON mapper, or
     *     {@code null} for no body
     * @param headers extra header names and values, alternating
     * @return the response, whatever its status
     * @throws UncheckedIOException if the server cannot be reached
     */
    public HttpResponse<String> put(String path, Object body, String... headers) {
        return send(withBody(request(path, headers), "PUT", body));
    }

    /**
     * Sends {@code PATCH path} with a JSON body, or none.
     *
     * @param path the path and query, starting with {@code /}
     * @param body a {@code String} sent as it is, an object written with the app's JSON mapper, or
     *     {@code null} for no body
     * @param headers extra header names and values, alternating
     * @return the response, whatever its status
     * @throws UncheckedIOException if the server cannot be reached
     */
    public HttpResponse<String> patch(String path, Object body, String... headers) {
        return send(withBody(request(path, headers), "PATCH", body));
    }

    /**
     * Sends {@code DELETE path}.
     *
     * @param path the path and query, starting with {@code /}
     * @param headers extra header names and values, alternating
     * @return the response, whatever its status
     * @throws UncheckedIOException if the server cannot be reached
     */
    public HttpResponse<String> delete(String path, String... headers) {
        return send(request(path, headers).DELETE());
    }

    /**
     * Sends {@code method path} with a JSON body, or with none when {@code body} is {@code null}; for
     * tests that walk a table of methods.
     *
     * @param method the HTTP method, e.g. {@code OPTIONS}
     * @param path the path and query, starting with {@code /}
     * @param body a {@code String} sent as it is, an object written as JSON, or {@code null} for no body
     * @param headers extra header names and values, alternating
     * @return the response, whatever its status
     * @throws UncheckedIOException if the server cannot be reached
     */
    public HttpResponse<String> send(String method, String path, Object body, String... headers) {
        return send(withBody(request(path, headers), method, body));
    }

    /**
     * Returns a request builder for {@code path} with the given headers, for anything the helpers miss.
     *
     * @param path the path and query, starting with {@code /}
     * @param headers extra header names and values, alternating, after this client's default ones
     * @return a builder with the URI, the time bound and the headers set
     * @throws IllegalArgumentException when the strings are not name/value pairs
     */
    public HttpRequest.Builder request(String path, String... headers) {
        requirePairs(headers);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT);
        for (int i = 0; i < defaultHeaders.size(); i += 2) {
            builder.header(defaultHeaders.get(i), defaultHeaders.get(i + 1));
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    /**
     * Sends a request on a connection of its own, for a request over the server's limits: Jetty answers
     * it and closes the connection, and a closed connection left in the shared pool would fail the next
     * request of the test.
     *
     * @param request the request, e.g. from {@link #request}
     * @return the response, whatever its status
     * @throws UncheckedIOException if the server cannot be reached or cuts the answer off
     */
    public HttpResponse<String> sendAlone(HttpRequest.Builder request) {
        HttpClient own = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        return send(own, request);
    }

    /**
     * Sends a request built with {@link #request}.
     *
     * @param request the request to build and send
     * @return the response, whatever its status
     * @throws UncheckedIOException if the server cannot be reached
     */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        return send(HTTP, request);
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a response", e);
        }
    }

    /**
     * Scrapes {@code /metrics} once, on the admin port when the app has one.
     *
     * @return the scrape, read into samples
     * @throws AssertionError when {@code /metrics} does not answer 200
     */
    public MetricsScrape metrics() {
        HttpResponse<String> response = admin().get("/metrics");
        if (response.statusCode() != 200) {
            throw new AssertionError("GET /metrics answered " + response.statusCode() + ": " + response.body());
        }
        return MetricsScrape.parse(response.body());
    }

    /**
     * Scrapes {@code /metrics} until {@code expected} holds, for at most 10 s: a request
     * is counted after its response has been written, so a scrape right after a response may miss it.
     * This waits for that write; it does not repeat the request.
     *
     * @param expected what the scrape must show, e.g. {@code m -> m.sum("orders_created_total") == 1}
     * @return the first scrape that shows it
     * @throws AssertionError with the last scrape when none does in time
     */
    public MetricsScrape awaitMetrics(Predicate<MetricsScrape> expected) {
        long deadline = System.nanoTime() + METRICS_WAIT.toNanos();
        MetricsScrape scrape = metrics();
        while (!expected.test(scrape)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("/metrics did not show what was expected within " + METRICS_WAIT
                        + "; the last scrape:\n" + scrape);
            }
            pause();
            scrape = metrics();
        }
        return scrape;
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for /metrics", e);
        }
    }

    /**
     * Parses the body of {@code response} as JSON, for assertions such as {@code json(r).path("title")}.
     *
     * @param response a response of this client
     * @return the parsed body
     * @throws AssertionError when the body is not JSON, quoting it
     */
    public JsonNode json(HttpResponse<String> response) {
        try {
            return READER.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new AssertionError("The response body is not JSON: " + response.body(), e);
        }
    }

    private static void requirePairs(String... headers) {
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("Headers come in name/value pairs; got " + headers.length + " strings");
        }
    }

    private HttpRequest.Builder withBody(HttpRequest.Builder builder, String method, Object body) {
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
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
