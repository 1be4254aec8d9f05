package dev.mainstay.security.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mainstay.core.config.Config;
import dev.mainstay.core.config.ConfigException;
import dev.mainstay.security.password.PasswordHasher;
import dev.mainstay.security.token.InMemoryRefreshTokenStore;
import dev.mainstay.test.LogCapture;
import dev.mainstay.test.MainstayTest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/**
 * Drives every failure path (bad passwords, throttling, bad and tampered tokens, refresh-token reuse,
 * malformed stored hashes, weak config) with logging at DEBUG, then checks that no password, token,
 * hash or key appears in any log line.
 */
class NoSecretsInLogsTest {
    private static final Map<String, String> CONFIG = Map.of(
            "security.password.cost", "10",
            "security.throttle.account-limit", "3");
    private static final String PASSWORD = "analytical engine 1843";
    private static final String WRONG_PASSWORD = "difference engine 1822";

    private static Map<String, Object> user(String email, String password) {
        return Map.of("user", Map.of("email", email, "password", password));
    }

    @Test
    void logsNoPasswordTokenHashOrKeyOnAnyFailurePath() {
        List<String> secrets = new ArrayList<>(List.of(PASSWORD, WRONG_PASSWORD, "x".repeat(73)));
        List<String> lines = new ArrayList<>();
        FlowsApp example = new FlowsApp(new InMemoryRefreshTokenStore());
        MainstayTest.run(CONFIG, example::setup, (app, client) -> {
            try (LogCapture logs = LogCapture.open(Level.DEBUG)) {
                client.post("/users", user("ada@example.com", PASSWORD));
                client.post("/users", user("bob@example.com", "x".repeat(73)));
                HttpResponse<String> login = client.post("/users/login", user("ada@example.com", PASSWORD));
                assertEquals(200, login.statusCode(), login.body());
                JsonNode tokens = client.json(login);
                String access = tokens.path("accessToken").asText();
                String refresh = tokens.path("refreshToken").asText();
                secrets.addAll(List.of(
                        access,
                        refresh,
                        example.usersByEmail.get("ada@example.com").passwordHash()));

                client.get("/me", "Authorization", "Bearer " + access + "tampered");
                client.get("/me", "Authorization", "Bearer " + access.substring(0, access.lastIndexOf('.')) + ".");
                client.post("/token", Map.of("refreshToken", refresh));
                client.post("/token", Map.of("refreshToken", refresh)); // reuse: family revoked, logged
                for (int i = 0; i < 4; i++) {
                    client.post("/users/login", user("ada@example.com", WRONG_PASSWORD));
                }
                client.post("/users/login", user("ada@example.com", "x".repeat(73)));
                lines.addAll(logs.lines());
            }
        });
        try (LogCapture logs = LogCapture.open(Level.DEBUG)) {
            String hash = PasswordHasher.bcrypt(10).hash(PASSWORD);
            String truncated = hash.substring(0, 50);
            secrets.add(truncated);
            assertFalse(PasswordHasher.bcrypt(10).verify(PASSWORD, truncated));
            String weak = Base64.getEncoder().encodeToString("a passphrase that is long enough!".getBytes());
            byte[] shortKey = new byte[16];
            new SecureRandom().nextBytes(shortKey);
            String shortSecret = Base64.getEncoder().encodeToString(shortKey);
            secrets.addAll(List.of(weak, shortSecret));
            for (String secret : List.of(weak, shortSecret)) {
                ConfigException e = assertThrows(
                        ConfigException.class,
                        () -> Config.of(Map.of(
                                        "profile",
                                        "prod",
                                        "security.jwt.issuer",
                                        "i",
                                        "security.jwt.audience",
                                        "a",
                                        "security.jwt.secret",
                                        secret))
                                .bind(MainstaySecurity::readConfig));
                lines.add(e.getMessage());
            }
            lines.addAll(logs.lines());
        }
        assertTrue(lines.size() > 10, "the failure paths must have logged something: " + lines);
        assertTrue(lines.stream().anyMatch(line -> line.contains("reuse detected")), "reuse is logged");
        assertTrue(lines.stream().anyMatch(line -> line.contains("not a usable bcrypt hash")), "bad hash is logged");
        for (String line : lines) {
            for (String secret : secrets) {
                assertFalse(line.contains(secret), "a secret leaked into: " + line);
            }
        }
    }
}
