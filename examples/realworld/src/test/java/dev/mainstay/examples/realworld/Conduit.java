package dev.mainstay.examples.realworld;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mainstay.test.TestClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A RealWorld client for the tests: the core test client plus the calls most tests start with
 * (register a user, create an article) and {@code Authorization: Token} headers.
 */
final class Conduit {
    private static final AtomicInteger NAMES = new AtomicInteger();
    static final String PASSWORD = "correct horse battery";

    final TestClient http;

    Conduit(TestClient http) {
        this.http = http;
    }

    /** Returns a username no other test of this JVM uses, so tests can share one database. */
    static String uniqueName(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + NAMES.incrementAndGet() + "-"
                + System.nanoTime() % 100_000;
    }

    static String[] token(String token) {
        return new String[] {"Authorization", "Token " + token};
    }

    /** Registers a user with a unique name and returns it with its token. */
    Account register(String prefix) {
        String username = uniqueName(prefix);
        String email = username + "@example.com";
        HttpResponse<String> response = http.post(
                "/api/users", Map.of("user", Map.of("username", username, "email", email, "password", PASSWORD)));
        assertEquals(201, response.statusCode(), response.body());
        return new Account(
                username, email, json(response).path("user").path("token").asText());
    }

    /** Creates an article by {@code author} and returns its JSON. */
    JsonNode createArticle(Account author, String title, List<String> tags) {
        HttpResponse<String> response = http.post(
                "/api/articles",
                Map.of(
                        "article",
                        Map.of(
                                "title",
                                title,
                                "description",
                                "About " + title,
                                "body",
                                "Body of " + title,
                                "tagList",
                                tags)),
                token(author.token()));
        assertEquals(201, response.statusCode(), response.body());
        return json(response).path("article");
    }

    JsonNode json(HttpResponse<String> response) {
        return http.json(response);
    }

    /** Returns the messages of a RealWorld error body, joined, for assertions. */
    String errors(HttpResponse<String> response) {
        JsonNode body = json(response).path("errors").path("body");
        assertEquals(true, body.isArray(), "not a RealWorld error body: " + response.body());
        StringBuilder text = new StringBuilder();
        body.forEach(message -> text.append(message.asText()).append('\n'));
        return text.toString();
    }

    /**
     * A registered user.
     *
     * @param username the unique name
     * @param email the e-mail address
     * @param token a valid JWT
     */
    record Account(String username, String email, String token) {
        String[] auth() {
            return Conduit.token(token);
        }
    }
}
