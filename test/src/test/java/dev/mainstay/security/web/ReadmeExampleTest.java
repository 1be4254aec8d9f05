package dev.mainstay.security.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mainstay.security.password.PasswordHasher;
import dev.mainstay.test.MainstayTest;
import dev.mainstay.test.TestClient;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Runs the README's login flow ({@link ExampleApp}) over real HTTP, step by step. */
class ReadmeExampleTest {
    static final Map<String, String> CONFIG = Map.of(
            "security.password.cost", "10",
            "security.throttle.account-limit", "3");
    private static final Map<String, String> ADA =
            Map.of("email", "ada@example.com", "password", "analytical engine 1843");

    static JsonNode login(TestClient client, Map<String, String> credentials) {
        HttpResponse<String> response = client.post("/login", credentials);
        assertEquals(200, response.statusCode(), response.body());
        return client.json(response);
    }

    @Test
    void registersLogsInReadsMeRefreshesAndLogsOut() {
        MainstayTest.run(CONFIG, new ExampleApp()::setup, (app, client) -> {
            assertEquals(201, client.post("/register", ADA).statusCode());
            JsonNode tokens = login(client, ADA);
            String access = tokens.path("accessToken").asText();

            HttpResponse<String> me = client.get("/me", "Authorization", "Bearer " + access);
            assertEquals(200, me.statusCode());
            assertEquals("no-store", me.headers().firstValue("Cache-Control").orElseThrow());

            HttpResponse<String> refreshed = client.post(
                    "/refresh",
                    Map.of("refreshToken", tokens.path("refreshToken").asText()));
            assertEquals(200, refreshed.statusCode());
            String next = client.json(refreshed).path("refreshToken").asText();
            assertEquals(
                    401,
                    client.post(
                                    "/refresh",
                                    Map.of(
                                            "refreshToken",
                                            tokens.path("refreshToken").asText()))
                            .statusCode(),
                    "the first refresh token is used up; reusing it revokes the family");
            assertEquals(
                    401, client.post("/refresh", Map.of("refreshToken", next)).statusCode(), "family revoked");

            JsonNode again = login(client, ADA);
            assertEquals(
                    204,
                    client.post(
                                    "/logout",
                                    Map.of(
                                            "refreshToken",
                                            again.path("refreshToken").asText()),
                                    "Authorization",
                                    "Bearer " + again.path("accessToken").asText())
                            .statusCode());
            assertEquals(
                    401,
                    client.post(
                                    "/refresh",
                                    Map.of(
                                            "refreshToken",
                                            again.path("refreshToken").asText()))
                            .statusCode());
        });
    }

    @Test
    void refusesAWeakPasswordAtRegistrationNamingTheField() {
        MainstayTest.run(CONFIG, new ExampleApp()::setup, (app, client) -> {
            HttpResponse<String> response =
                    client.post("/register", Map.of("email", "bob@example.com", "password", "qwertyuiop123"));
            assertEquals(422, response.statusCode());
            assertEquals(
                    "/password",
                    client.json(response).path("errors").get(0).path("pointer").asText());
            assertEquals(
                    422,
                    client.post("/register", Map.of("email", "bob@example.com", "password", "x".repeat(73)))
                            .statusCode());
        });
    }

    @Test
    void throttlesRepeatedFailedLoginsWith429AndRetryAfter() {
        MainstayTest.run(CONFIG, new ExampleApp()::setup, (app, client) -> {
            client.post("/register", ADA);
            Map<String, String> wrong = Map.of("email", "ada@example.com", "password", "not the right password");
            for (int i = 0; i < 3; i++) {
                assertEquals(401, client.post("/login", wrong).statusCode());
            }
            HttpResponse<String> throttled = client.post("/login", ADA);
            assertEquals(429, throttled.statusCode(), "even the right password waits out the window");
            assertTrue(Integer.parseInt(
                            throttled.headers().firstValue("Retry-After").orElseThrow())
                    > 0);
        });
    }

    @Test
    void upgradesAnOldCostHashAtLogin() {
        ExampleApp example = new ExampleApp();
        MainstayTest.run(CONFIG, example::setup, (app, client) -> {
            String oldHash = PasswordHasher.bcrypt(11).hash("analytical engine 1843");
            example.usersByEmail.put(
                    "ada@example.com", new ExampleApp.User("u1", "ada@example.com", oldHash, Set.of()));
            login(client, ADA);
            assertTrue(
                    example.usersByEmail.get("ada@example.com").passwordHash().startsWith("$2a$10$"),
                    "rehashed at cost 10");
        });
    }
}
