package dev.mainstay.security.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mainstay.test.MainstayTest;
import dev.mainstay.test.TestClient;
import dev.mainstay.security.token.InMemoryRefreshTokenStore;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@link FlowsApp}, the README's example, over real HTTP: install, the flows and their problem answers. */
class FlowsAppTest {
    private static final Map<String, String> CONFIG = Map.of(
            "security.password.cost", "10",
            "security.throttle.account-limit", "3");
    private static final Map<String, Object> ADA =
            Map.of("user", Map.of("email", "ada@example.com", "password", "analytical engine 1843"));

    private static void run(MainstayTest.Body body) {
        MainstayTest.run(CONFIG, new FlowsApp(new InMemoryRefreshTokenStore())::setup, body);
    }

    private static JsonNode login(TestClient client) {
        HttpResponse<String> response = client.post("/users/login", ADA);
        assertEquals(200, response.statusCode(), response.body());
        return client.json(response);
    }

    @Test
    void registersLogsInRefreshesAndLogsOut() {
        run((app, client) -> {
            assertEquals(201, client.post("/users", ADA).statusCode());
            JsonNode tokens = login(client);
            assertEquals("Bearer", tokens.path("tokenType").asText());
            assertTrue(tokens.path("expiresIn").asLong() > 0);
            String bearer = "Bearer " + tokens.path("accessToken").asText();
            assertEquals(200, client.get("/me", "Authorization", bearer).statusCode());

            String first = tokens.path("refreshToken").asText();
            HttpResponse<String> refreshed = client.post("/token", Map.of("refreshToken", first));
            assertEquals(200, refreshed.statusCode());
            String second = client.json(refreshed).path("refreshToken").asText();
            assertEquals(401, client.post("/token", Map.of("refreshToken", first)).statusCode(), "reuse");
            assertEquals(401, client.post("/token", Map.of("refreshToken", second)).statusCode(), "family revoked");

            String third = login(client).path("refreshToken").asText();
            assertEquals(204, client.post("/logout", Map.of("refreshToken", third), "Authorization", bearer).statusCode());
            assertEquals(401, client.post("/token", Map.of("refreshToken", third)).statusCode());
        });
    }

    @Test
    void aWeakPasswordIs422NamingTheAppsPointerAndATakenEmailIs409() {
        run((app, client) -> {
            HttpResponse<String> weak = client.post(
                    "/users", Map.of("user", Map.of("email", "bob@example.com", "password", "qwertyuiop123")));
            assertEquals(422, weak.statusCode());
            assertEquals("/user/password", client.json(weak).path("errors").get(0).path("pointer").asText());

            assertEquals(201, client.post("/users", ADA).statusCode());
            HttpResponse<String> taken = client.post("/users", ADA);
            assertEquals(409, taken.statusCode());
            assertTrue(taken.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        });
    }

    @Test
    void wrongCredentialsAre401AndTooManyAre429() {
        run((app, client) -> {
            client.post("/users", ADA);
            Map<String, Object> wrong = Map.of("user", Map.of("email", "ada@example.com", "password", "not the password"));
            for (int i = 0; i < 3; i++) {
                assertEquals(401, client.post("/users/login", wrong).statusCode());
            }
            HttpResponse<String> throttled = client.post("/users/login", ADA);
            assertEquals(429, throttled.statusCode());
            assertTrue(throttled.headers().firstValue("Retry-After").isPresent());
        });
    }

    @Test
    void theRefreshTokenCleanupRunsWhileTheAppRunsAndStopsWithIt() throws InterruptedException {
        AtomicReference<Thread> cleanup = new AtomicReference<>();
        run((app, client) -> cleanup.set(Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("mainstay-cleanup-expired-refresh-tokens") && t.isAlive())
                .findFirst()
                .orElse(null)));
        Thread thread = cleanup.get();
        assertNotNull(thread, "install started the cleanup");
        thread.join(10_000);
        assertFalse(thread.isAlive(), "stopping the app stopped the cleanup");
    }

    @Test
    void responsesThatCarryTokensAreNeverStoredByACache() {
        run((app, client) -> {
            HttpResponse<String> registered = client.post("/users", ADA);
            assertEquals(201, registered.statusCode());
            HttpResponse<String> login = client.post("/users/login", ADA);
            assertEquals(200, login.statusCode());
            String refreshToken = client.json(login).path("refreshToken").asText();
            HttpResponse<String> refreshed = client.post("/token", Map.of("refreshToken", refreshToken));
            assertEquals(200, refreshed.statusCode());
            for (HttpResponse<String> response : List.of(registered, login, refreshed)) {
                assertEquals(
                        "no-store",
                        response.headers().firstValue("Cache-Control").orElse(null),
                        response.request().uri().getPath() + " (RFC 6749 5.1)");
            }
        });
    }

    @Test
    void registrationsFromOneAddressAreLimitedBeforeHashingWith429AndRetryAfter() {
        Map<String, String> config = new HashMap<>(CONFIG);
        config.put("security.throttle.register-limit", "2");
        MainstayTest.run(config, new FlowsApp(new InMemoryRefreshTokenStore())::setup, (app, client) -> {
            assertEquals(201, client.post("/users", ADA).statusCode());
            assertEquals(409, client.post("/users", ADA).statusCode(), "a duplicate counts too");
            Map<String, Object> bob = Map.of("user", Map.of("email", "bob@example.com", "password", "difference engine 1822"));
            HttpResponse<String> throttled = client.post("/users", bob);
            assertEquals(429, throttled.statusCode(), throttled.body());
            assertTrue(throttled.headers().firstValue("Retry-After").isPresent());
            assertTrue(throttled.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        });
    }
}
