package dev.mainstay.benchmarks.reliability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A small client of the archetype-generated service's HTTP API: accounts, tokens and notes. Every
 * call is bounded in time. Thread-safe.
 */
final class Api {
    static final String PASSWORD = "a long reliability passphrase";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;

    Api() {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
    }

    /** An answer: its status, whether it is {@code application/problem+json}, and its body. */
    record Answer(int status, boolean problem, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        String field(String name) {
            try {
                JsonNode node = JSON.readTree(body).get(name);
                return node == null ? null : node.asText();
            } catch (JsonProcessingException e) {
                return null;
            }
        }
    }

    Answer get(String url, String token) throws IOException, InterruptedException {
        return send(request(url, token).GET());
    }

    Answer post(String url, String token, Map<String, ?> body) throws IOException, InterruptedException {
        return send(request(url, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /**
     * Posts with an {@code Idempotency-Key}. The draft (draft-ietf-httpapi-idempotency-key-header)
     * makes the field a Structured Field String, so the key goes in double quotes.
     */
    Answer postIdempotent(String url, String token, Map<String, ?> body, String key)
            throws IOException, InterruptedException {
        return send(request(url, token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", '"' + key + '"')
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** Creates an account (201, or 409 if it exists) and returns its {@code accessToken} and {@code refreshToken}. */
    Answer registerAndLogin(String base, String email) throws IOException, InterruptedException {
        Map<String, String> credentials = Map.of("email", email, "password", PASSWORD);
        Answer registered = post(base + "/api/auth/register", null, credentials);
        if (!registered.ok() && registered.status() != 409) {
            throw new IOException("register " + email + " answered " + registered.status() + ": " + registered.body());
        }
        Answer login = login(base, email, PASSWORD);
        if (!login.ok()) {
            throw new IOException("login " + email + " answered " + login.status() + ": " + login.body());
        }
        return login;
    }

    Answer login(String base, String email, String password) throws IOException, InterruptedException {
        return post(base + "/api/auth/login", null, Map.of("email", email, "password", password));
    }

    private static HttpRequest.Builder request(String url, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        boolean problem = response.headers()
                .firstValue("Content-Type")
                .filter(type -> type.startsWith("application/problem+json"))
                .isPresent();
        return new Answer(response.statusCode(), problem, response.body());
    }
}
