package dev.mainstay.security.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.security.config.CorsConfig;
import dev.mainstay.security.token.AccessTokens;
import dev.mainstay.security.token.JwtAlgorithm;
import dev.mainstay.security.token.JwtConfig;
import dev.mainstay.security.token.JwtKey;
import dev.mainstay.test.MainstayTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CORS through the plugin on a real server. */
class CorsTest {
    private static final String APP = "https://app.example.com";

    private static void run(MainstayTest.Body body) {
        AccessTokens tokens = AccessTokens.create(JwtConfig.of("iss", "aud", JwtKey.generate("k", JwtAlgorithm.HS256)));
        MainstayTest.run(
                setup -> setup.javalin(cfg -> {
                    cfg.registerPlugin(new SecurityPlugin(options -> {
                        options.accessTokens = tokens;
                        options.cors = CorsConfig.allowing(List.of(APP));
                    }));
                    cfg.routes.get("/articles", ctx -> ctx.result("[]"));
                    cfg.routes.post("/articles", ctx -> ctx.status(201), Access.AUTHENTICATED);
                }),
                body);
    }

    private static HttpResponse<String> preflight(dev.mainstay.test.TestClient client, String origin, String method) {
        return client.send(client.request(
                        "/articles",
                        "Origin",
                        origin,
                        "Access-Control-Request-Method",
                        method,
                        "Access-Control-Request-Headers",
                        "authorization, content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }

    @Test
    void echoesAnAllowedOriginAndVariesOnIt() {
        run((app, client) -> {
            HttpResponse<String> response = client.get("/articles", "Origin", APP);
            assertEquals(
                    APP,
                    response.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
            assertEquals("Origin", response.headers().firstValue("Vary").orElseThrow());
            assertTrue(response.headers()
                    .firstValue("Access-Control-Allow-Credentials")
                    .isEmpty());
        });
    }

    @Test
    void givesNoCorsHeadersToAnotherOriginOrToNull() {
        run((app, client) -> {
            for (String origin : List.of("https://evil.example", "null", "https://app.example.com.evil.example")) {
                HttpResponse<String> response = client.get("/articles", "Origin", origin);
                assertEquals(200, response.statusCode(), "same-origin servers answer; the browser hides it");
                assertFalse(
                        response.headers()
                                .firstValue("Access-Control-Allow-Origin")
                                .isPresent(),
                        origin);
            }
        });
    }

    @Test
    void answersAnAllowedPreflightWith204EvenForAProtectedRoute() {
        run((app, client) -> {
            HttpResponse<String> response = preflight(client, APP, "POST");
            assertEquals(204, response.statusCode());
            assertEquals(
                    APP,
                    response.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
            assertEquals(
                    "GET, POST, PUT, PATCH, DELETE",
                    response.headers()
                            .firstValue("Access-Control-Allow-Methods")
                            .orElseThrow());
            assertEquals(
                    "Authorization, Content-Type",
                    response.headers()
                            .firstValue("Access-Control-Allow-Headers")
                            .orElseThrow());
            assertEquals(
                    "600",
                    response.headers().firstValue("Access-Control-Max-Age").orElseThrow());
        });
    }

    @Test
    void refusesAPreflightFromAnotherOriginOrForAnotherMethod() {
        run((app, client) -> {
            HttpResponse<String> evil = preflight(client, "https://evil.example", "POST");
            assertEquals(403, evil.statusCode());
            assertEquals(
                    "application/problem+json",
                    evil.headers().firstValue("Content-Type").orElse(""));
            assertFalse(evil.headers().firstValue("Access-Control-Allow-Origin").isPresent());
            assertEquals(403, preflight(client, "null", "GET").statusCode());
            assertEquals(403, preflight(client, APP, "TRACE").statusCode());
        });
    }

    @Test
    void refusesWildcardNullAndNonOriginEntries() {
        for (String bad : List.of(
                "*", "null", "https://app.example.com/", "app.example.com", "ftp://x.example", "https://u@x.example")) {
            assertThrows(IllegalArgumentException.class, () -> CorsConfig.allowing(List.of(bad)), bad);
        }
        assertTrue(CorsConfig.allowing(List.of("http://localhost:3000")).enabled());
        assertFalse(CorsConfig.disabled().enabled());
    }
}
