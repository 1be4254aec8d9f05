package ${package}.http;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ${package}.App;
import ${package}.http.Endpoint.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mainstay.test.HostileInput;
import dev.mainstay.test.HostileInput.Variant;
import dev.mainstay.test.MainstayApp;
import dev.mainstay.test.StatusTally;
import dev.mainstay.test.TestClient;
import dev.mainstay.test.database.DatabaseServer;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/**
 * Hostile input against every endpoint, on a service and H2 database of its own: seeded random values
 * in every body field, query parameter and path segment, randomly broken bodies, and the fixed attacks
 * (body over the limit, wrong content type, invalid UTF-8, 10,000-deep nesting, oversized header and
 * URL, paging overflow, forged cursors). Every answer must be a 4xx problem that names the field of a
 * validation error, or a 2xx that stored exactly what was sent; never a 5xx or a stack trace. The
 * service must be ready after each test.
 *
 * <p>The values come from {@link HostileInput} with seed {@value #SEED}, and each failure message names
 * the value, the seed and the draw. Replay another seed with {@code mvn test -Dmainstay.hostile.seed=N}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {
    static final long SEED = 20261129L;
    static final int VALUE_VARIANTS = 240;
    static final int BODY_VARIANTS = 120;
    /** Text that only a stack trace or an exception's class name would put in a body. */
    private static final List<String> STACK_TRACE_MARKS =
            List.of("\tat ", "at java.", "at dev.", "at org.", "at io.", "Exception", "Caused by", ".java:");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Jetty reads at most this many bytes of request line and headers; a longer URL is refused unread. */
    private static final int JETTY_REQUEST_HEADER_LIMIT = 8 * 1024;

    @RegisterExtension
    static final MainstayApp APP = MainstayApp.of(App::configure).database(DatabaseServer.H2);

    private TestClient http;
    private Map<Caller, String> tokens;
    private String noteId;
    private List<Endpoint> endpoints;
    private boolean jettyClosedTheConnection;
    /** The statuses the running test received, printed when it ends (RELIABILITY.md quotes them). */
    private StatusTally tally;

    @BeforeAll
    void start() {
        http = APP.client();
        String email = "hostile-" + System.nanoTime() + "@example.com";
        send("POST", "/api/auth/register", null, json(Map.of("email", email, "password", ApiContract.PASSWORD)));
        JsonNode user = login(email, ApiContract.PASSWORD);
        String refreshToken = login(email, ApiContract.PASSWORD).path("refreshToken").asText();
        String admin = login(AdminContract.ADMIN_EMAIL, AdminContract.ADMIN_PASSWORD).path("accessToken").asText();
        tokens = Map.of(Caller.USER, user.path("accessToken").asText(), Caller.ADMIN, admin);
        noteId = http.json(send("POST", "/api/notes", Caller.USER, "{\"title\":\"A note\",\"body\":\"text\"}"))
                .path("id").asText();
        endpoints = List.of(
                new Endpoint("POST", "/api/auth/register", Caller.ANONYMOUS,
                        Endpoint.fields("email", "new-" + email, "password", ApiContract.PASSWORD), List.of()),
                new Endpoint("POST", "/api/auth/login", Caller.ANONYMOUS,
                        Endpoint.fields("email", email, "password", ApiContract.PASSWORD), List.of()),
                new Endpoint("POST", "/api/auth/refresh", Caller.ANONYMOUS,
                        Endpoint.fields("refreshToken", refreshToken), List.of()),
                new Endpoint("POST", "/api/auth/logout", Caller.USER,
                        Endpoint.fields("refreshToken", user.path("refreshToken").asText()), List.of()),
                new Endpoint("GET", "/api/me", Caller.USER, Map.of(), List.of("unknown")),
                new Endpoint("GET", "/api/notes", Caller.USER, Map.of(), List.of("limit", "cursor")),
                new Endpoint("POST", "/api/notes", Caller.USER, Endpoint.fields("title", "Title", "body", "Body"), List.of()),
                new Endpoint("GET", "/api/notes/{id}", Caller.USER, Map.of(), List.of()),
                new Endpoint("PUT", "/api/notes/{id}", Caller.USER, Endpoint.fields("title", "Title", "body", "Body"), List.of()),
                new Endpoint("DELETE", "/api/notes/{id}", Caller.USER, Map.of(), List.of()),
                new Endpoint("GET", "/api/admin/users", Caller.ADMIN, Map.of(), List.of("limit", "cursor")));
    }

    @AfterEach
    void isStillReady() {
        HttpResponse<String> ready = send("GET", "/health/ready", null, null);
        assertEquals(200, ready.statusCode(), "not ready after the attack: " + ready.body());
    }

    @Test
    void hostileValuesInEveryFieldParameterAndPathSegment() {
        HostileInput hostile = HostileInput.fromSystemProperty(SEED);
        Random choose = new Random(hostile.seed());
        List<Executable> attacks = new ArrayList<>();
        for (int i = 0; i < VALUE_VARIANTS; i++) {
            Endpoint endpoint = endpoints.get(i % endpoints.size());
            List<String> slots = endpoint.slots();
            String slot = slots.get(choose.nextInt(slots.size()));
            boolean numeric = Endpoint.NUMERIC_PARAMETERS.contains(slot.substring(1));
            Variant value = numeric && choose.nextInt(4) > 0 ? hostile.number() : hostile.string();
            attacks.add(() -> attack(endpoint, slot, value));
        }
        tally = new StatusTally(VALUE_VARIANTS + " hostile values, seed " + hostile.seed());
        try {
            assertAll("hostile values, seed " + hostile.seed(), attacks);
        } finally {
            tally.print();
        }
    }

    @Test
    void randomlyBrokenBodiesOfEveryEndpointThatReadsOne() {
        HostileInput hostile = HostileInput.fromSystemProperty(SEED);
        List<Endpoint> withBody = endpoints.stream().filter(Endpoint::hasBody).toList();
        List<Executable> attacks = new ArrayList<>();
        for (int i = 0; i < BODY_VARIANTS; i++) {
            Endpoint endpoint = withBody.get(i % withBody.size());
            Variant body = hostile.body(validBody(endpoint));
            attacks.add(() -> assertHandled(
                    endpoint + " with " + body, counted(send(endpoint, path(endpoint, noteId), body.bytes()))));
        }
        tally = new StatusTally(BODY_VARIANTS + " broken bodies, seed " + hostile.seed());
        try {
            assertAll("broken bodies, seed " + hostile.seed(), attacks);
        } finally {
            tally.print();
        }
    }

    private HttpResponse<String> counted(HttpResponse<String> response) {
        tally.add(response.statusCode());
        return response;
    }

    /** Sends {@code value} in {@code slot} of {@code endpoint}, the rest valid, and checks the answer. */
    private void attack(Endpoint endpoint, String slot, Variant value) {
        String sent = endpoint + " with " + slot + " = " + value;
        String path = path(endpoint, slot.equals("{id}") ? encode(value.text()) : noteId);
        if (slot.startsWith("?")) {
            path += "?" + slot.substring(1) + "=" + encode(value.text());
        }
        String body = endpoint.hasBody() ? validBody(endpoint) : null;
        if (slot.startsWith("/")) {
            body = bodyWith(endpoint, slot.substring(1), value.json());
        }
        HttpResponse<String> response;
        try {
            response = counted(send(endpoint, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8)));
        } catch (UncheckedIOException e) {
            if (path.length() > JETTY_REQUEST_HEADER_LIMIT) {
                tally.addClosed();
                jettyClosedTheConnection = true;
                return; // refused: Jetty answers 414 and closes, which can cut its answer off mid-send
            }
            throw new AssertionError("no answer: " + sent, e);
        }
        assertHandled(sent, response);
        if (endpoint.path().startsWith("/api/notes") && endpoint.hasBody() && response.statusCode() < 300) {
            assertStoredAsSent(sent, endpoint, slot, value.text(), http.json(response));
        }
    }

    /** An accepted note holds exactly what was sent (the title trimmed), now and when read back. */
    private void assertStoredAsSent(String sent, Endpoint endpoint, String slot, String value, JsonNode note) {
        String title = slot.equals("/title") ? value.strip() : endpoint.fields().get("title");
        String body = slot.equals("/body") ? value : endpoint.fields().get("body");
        JsonNode read = http.json(send("GET", "/api/notes/" + note.path("id").asText(), Caller.USER, null));
        for (JsonNode stored : List.of(note, read)) {
            assertEquals(title, stored.path("title").asText(), "title changed: " + sent);
            assertEquals(body, stored.path("body").asText(), "body changed: " + sent);
        }
    }

    /**
     * Checks what every answer to hostile input must be: a 2xx or a 4xx, never a 5xx or a stack trace;
     * a 4xx is a problem whose status matches, and a validation problem names each field.
     */
    static void assertHandled(String sent, HttpResponse<String> response) {
        String context = sent + " -> " + response.statusCode() + " " + shorten(response.body());
        int status = response.statusCode();
        assertTrue(status >= 200 && status < 300 || status >= 400 && status < 500, context);
        for (String mark : STACK_TRACE_MARKS) {
            assertFalse(response.body().contains(mark), "'" + mark + "' in the body: " + context);
        }
        if (status >= 400) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            assertTrue(type.startsWith("application/problem+json"), "Content-Type " + type + ": " + context);
            JsonNode problem = parse(context, response.body());
            assertEquals(status, problem.path("status").asInt(), context);
            if (status == 422) {
                assertFalse(problem.path("errors").isEmpty(), "a 422 names no field: " + context);
                problem.path("errors").forEach(error ->
                        assertFalse(error.path("pointer").asText().isBlank(), "an error without a field: " + context));
            }
        }
    }

    /**
     * Tells whether Jetty refused the request before it reached the service (a URI or header over its
     * limits, a path it cannot decode): such an answer has no request id, and Jetty closes the connection
     * after it, which the client's pool may not have noticed yet.
     */
    static boolean answeredByJetty(HttpResponse<String> response) {
        return response.headers().firstValue("X-Request-Id").isEmpty();
    }

    private JsonNode login(String email, String password) {
        return http.json(send("POST", "/api/auth/login", null, json(Map.of("email", email, "password", password))));
    }

    private HttpResponse<String> send(Endpoint endpoint, String path, byte[] body) {
        return sendBytes(endpoint.method(), path, endpoint.caller(), body);
    }

    private HttpResponse<String> send(String method, String path, Caller caller, String body) {
        return sendBytes(method, path, caller, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> sendBytes(String method, String path, Caller caller, byte[] body) {
        String token = caller == null ? null : tokens.get(caller);
        HttpRequest.Builder request = token == null ? http.request(path) : http.request(path, "Authorization", "Bearer " + token);
        if (body == null) {
            request.method(method, BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, BodyPublishers.ofByteArray(body));
        }
        if (!jettyClosedTheConnection) {
            return remember(http.send(request));
        }
        try {
            return remember(http.send(request));
        } catch (UncheckedIOException closed) {
            // Jetty closes the connection after its own error page, and the client's pool may still hand
            // that connection out once; a real client retries on a fresh one, and so does this test.
            return remember(http.send(request));
        }
    }

    private HttpResponse<String> remember(HttpResponse<String> response) {
        jettyClosedTheConnection = answeredByJetty(response);
        return response;
    }

    private String path(Endpoint endpoint, String id) {
        return endpoint.path().replace("{id}", id);
    }

    private static String validBody(Endpoint endpoint) {
        return bodyWith(endpoint, null, null);
    }

    /** Returns the endpoint's valid body with the value of {@code field} replaced by the JSON {@code value}. */
    private static String bodyWith(Endpoint endpoint, String field, String value) {
        StringJoiner body = new StringJoiner(",", "{", "}");
        endpoint.fields().forEach((name, valid) -> body.add(json(name) + ":" + (name.equals(field) ? value : json(valid))));
        return body.toString();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode parse(String context, String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + context, e);
        }
    }

    /** Encodes a path segment or query value: {@code %20}, never {@code +}. */
    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String shorten(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
