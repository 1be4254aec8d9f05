package ${package}.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

/**
 * Base of the HTTP contract tests: the running service, plus the steps most tests start with. Each
 * contract runs twice, on H2 ({@code H2ApiTest}) and on PostgreSQL ({@code PostgresApiIT}).
 */
abstract class ApiContract {
    /** The password of every user the tests register: long enough for the policy. */
    public static final String PASSWORD = "correct horse battery staple";

    /** Returns the service under test, started by the enclosing suite. */
    protected abstract RunningService service();

    /** Returns the HTTP client of the service. */
    protected Http http() {
        return service().http();
    }

    /** A logged-in user: who, and the tokens login answered with. */
    public record Session(String id, String email, String accessToken, String refreshToken) {}

    /** Returns an e-mail address no other test uses. */
    protected static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    /** Registers a new user and logs them in. */
    protected Session newSession() {
        String email = uniqueEmail();
        HttpResponse<String> registered = register(email, PASSWORD);
        assertEquals(201, registered.statusCode(), registered.body());
        return login(http().json(registered).path("id").asText(), email, PASSWORD);
    }

    /** Logs an existing user in and checks it worked. */
    protected Session login(String id, String email, String password) {
        HttpResponse<String> response = post("/api/auth/login", null, credentials(email, password));
        assertEquals(200, response.statusCode(), response.body());
        JsonNode tokens = http().json(response);
        return new Session(id, email, tokens.path("accessToken").asText(), tokens.path("refreshToken").asText());
    }

    /** Sends {@code POST /api/auth/register}. */
    protected HttpResponse<String> register(String email, String password) {
        return post("/api/auth/register", null, credentials(email, password));
    }

    /** Returns a login or register body. */
    protected static Map<String, String> credentials(String email, String password) {
        return Map.of("email", email, "password", password);
    }

    /** Sends a GET. */
    protected HttpResponse<String> get(String path, String token) {
        return http().send("GET", path, token);
    }

    /** Sends a DELETE. */
    protected HttpResponse<String> delete(String path, String token) {
        return http().send("DELETE", path, token);
    }

    /** Sends a POST with a JSON body. */
    protected HttpResponse<String> post(String path, String token, Object body) {
        return http().send("POST", path, token, body);
    }

    /** Sends a PUT with a JSON body. */
    protected HttpResponse<String> put(String path, String token, Object body) {
        return http().send("PUT", path, token, body);
    }

    /** Checks that {@code response} is a problem with {@code status}, and returns its body. */
    protected JsonNode assertProblem(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json",
                response.headers().firstValue("Content-Type").orElse("").split(";")[0], response.body());
        JsonNode problem = http().json(response);
        assertEquals(status, problem.path("status").asInt(), response.body());
        return problem;
    }

    /** Returns the JSON pointers a validation problem names. */
    protected static List<String> pointers(JsonNode problem) {
        return StreamSupport.stream(problem.path("errors").spliterator(), false)
                .map(error -> error.path("pointer").asText())
                .toList();
    }
}
