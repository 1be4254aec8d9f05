package ${package}.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mainstay.test.MainstayApp;
import dev.mainstay.test.TestClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

/**
 * Base of the HTTP contract tests: the running service, plus the steps most tests start with. Each
 * contract runs on H2 ({@code H2ApiTest}) and on PostgreSQL ({@code PostgresApiIT}).
 */
abstract class ApiContract {
    /** The password of every user the tests register: long enough for the policy. */
    static final String PASSWORD = "correct horse battery staple";

    /** Returns the service under test, started by the enclosing suite. */
    protected abstract MainstayApp app();

    /** A logged-in user: who, and the tokens login answered with. */
    record Session(String id, String email, String accessToken, String refreshToken) {}

    /** Returns an e-mail address no other test uses. */
    static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    /** Registers a new user and logs them in. */
    Session newSession() {
        String email = uniqueEmail();
        HttpResponse<String> registered = register(email, PASSWORD);
        assertEquals(201, registered.statusCode(), registered.body());
        return login(json(registered).path("id").asText(), email, PASSWORD);
    }

    /** Logs an existing user in and checks it worked. */
    Session login(String id, String email, String password) {
        HttpResponse<String> response = post("/api/auth/login", null, credentials(email, password));
        assertEquals(200, response.statusCode(), response.body());
        JsonNode tokens = json(response);
        return new Session(id, email, tokens.path("accessToken").asText(), tokens.path("refreshToken").asText());
    }

    HttpResponse<String> register(String email, String password) {
        return post("/api/auth/register", null, credentials(email, password));
    }

    static Map<String, String> credentials(String email, String password) {
        return Map.of("email", email, "password", password);
    }

    /** Returns the service's client, sending {@code token} as a bearer token unless it is {@code null}. */
    TestClient client(String token) {
        TestClient client = app().client();
        return token == null ? client : client.withHeaders("Authorization", "Bearer " + token);
    }

    HttpResponse<String> get(String path, String token) {
        return client(token).get(path);
    }

    HttpResponse<String> delete(String path, String token) {
        return client(token).delete(path);
    }

    HttpResponse<String> post(String path, String token, Object body) {
        return client(token).post(path, body);
    }

    HttpResponse<String> put(String path, String token, Object body) {
        return client(token).put(path, body);
    }

    JsonNode json(HttpResponse<String> response) {
        return app().client().json(response);
    }

    /** Checks that {@code response} is a problem with {@code status}, and returns its body. */
    JsonNode assertProblem(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json",
                response.headers().firstValue("Content-Type").orElse("").split(";")[0], response.body());
        JsonNode problem = json(response);
        assertEquals(status, problem.path("status").asInt(), response.body());
        return problem;
    }

    /** Returns the JSON pointers a validation problem names. */
    static List<String> pointers(JsonNode problem) {
        return StreamSupport.stream(problem.path("errors").spliterator(), false)
                .map(error -> error.path("pointer").asText())
                .toList();
    }
}
