package dev.mainstay.security.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.core.MainstaySetup;
import dev.mainstay.security.config.HeadersConfig;
import dev.mainstay.security.Principal;
import dev.mainstay.security.token.AccessTokens;
import dev.mainstay.security.token.JwtAlgorithm;
import dev.mainstay.security.token.JwtConfig;
import dev.mainstay.security.token.JwtKey;
import dev.mainstay.test.MainstayTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The auth plugin on a real Mainstay app on port 0, through a real HTTP client. */
class SecurityPluginTest {
    private static final AccessTokens TOKENS = AccessTokens.create(
            JwtConfig.of("https://issuer.example", "api", JwtKey.generate("k1", JwtAlgorithm.HS256)));
    private static final String READER =
            TOKENS.issue("user-1", Set.of("reader")).value();
    private static final String ADMIN = TOKENS.issue("user-2", Set.of("admin")).value();

    private static Consumer<MainstaySetup> app(String scheme) {
        return setup -> setup.javalin(cfg -> {
            cfg.registerPlugin(new SecurityPlugin(options -> {
                options.accessTokens = TOKENS;
                options.scheme = scheme;
            }));
            cfg.routes.get("/public", ctx -> ctx.result("hello"));
            cfg.routes.get("/me", ctx -> ctx.result(Auth.principal(ctx).subject()), Access.AUTHENTICATED);
            cfg.routes.get(
                    "/feed",
                    ctx -> ctx.result(
                            Auth.optionalPrincipal(ctx).map(Principal::subject).orElse("anonymous")),
                    Access.OPTIONAL);
            cfg.routes.delete("/users/{id}", ctx -> ctx.status(204), Role.of("admin"), Role.of("owner"));
            cfg.routes.get("/forgot-role", ctx -> ctx.result(Auth.principal(ctx).subject()));
        });
    }

    private static void run(MainstayTest.Body body) {
        MainstayTest.run(app("Bearer"), body);
    }

    @Test
    void answersAMissingTokenWith401ProblemAndABareChallenge() {
        run((app, client) -> {
            HttpResponse<String> response = client.get("/me");
            assertEquals(401, response.statusCode());
            assertEquals(
                    "application/problem+json",
                    response.headers().firstValue("Content-Type").orElse(""));
            assertEquals(
                    "Bearer", response.headers().firstValue("WWW-Authenticate").orElseThrow());
            assertEquals("Unauthorized", client.json(response).path("title").asText());
        });
    }

    @Test
    void answersAnInvalidTokenWith401InvalidToken() {
        run((app, client) -> {
            for (String header :
                    new String[] {"Bearer not-a-jwt", "Bearer " + READER + "x", "Bearer", "Basic dXNlcjpwYXNz", READER
                    }) {
                HttpResponse<String> response = client.get("/me", "Authorization", header);
                assertEquals(401, response.statusCode(), header);
                assertEquals(
                        "Bearer error=\"invalid_token\"",
                        response.headers().firstValue("WWW-Authenticate").orElseThrow());
            }
        });
    }

    @Test
    void letsAValidTokenThroughAndHandsThePrincipalToTheHandler() {
        run((app, client) -> {
            HttpResponse<String> response = client.get("/me", "Authorization", "Bearer " + READER);
            assertEquals(200, response.statusCode());
            assertEquals("user-1", response.body());
            assertEquals(
                    "no-store", response.headers().firstValue("Cache-Control").orElseThrow());
            assertEquals(
                    200,
                    client.get("/me", "Authorization", "bearer  " + READER).statusCode(),
                    "scheme is case-insensitive");
        });
    }

    @Test
    void answersAValidTokenWithoutTheRoleWith403() {
        run((app, client) -> {
            HttpResponse<String> response = client.delete("/users/7", "Authorization", "Bearer " + READER);
            assertEquals(403, response.statusCode());
            assertEquals(
                    "Bearer error=\"insufficient_scope\"",
                    response.headers().firstValue("WWW-Authenticate").orElseThrow());
            assertEquals(
                    204,
                    client.delete("/users/7", "Authorization", "Bearer " + ADMIN)
                            .statusCode());
            assertEquals(401, client.delete("/users/7").statusCode(), "no token is 401, not 403");
        });
    }

    @Test
    void servesOptionalRoutesAnonymouslyOrAsTheUserButRefusesABadToken() {
        run((app, client) -> {
            assertEquals("anonymous", client.get("/feed").body());
            assertEquals(
                    "user-1",
                    client.get("/feed", "Authorization", "Bearer " + READER).body());
            assertEquals(
                    401, client.get("/feed", "Authorization", "Bearer broken").statusCode());
        });
    }

    @Test
    void ignoresAuthorizationOnPublicRoutesAndKeepsThemCacheable() {
        run((app, client) -> {
            HttpResponse<String> response = client.get("/public", "Authorization", "Bearer broken");
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Cache-Control").isEmpty());
        });
    }

    @Test
    void answers401WhenAHandlerAsksForThePrincipalOnARouteWithoutRole() {
        run((app, client) -> assertEquals(
                401,
                client.get("/forgot-role", "Authorization", "Bearer " + READER).statusCode()));
    }

    @Test
    void usesTheConfiguredSchemeWordEverywhere() {
        MainstayTest.run(app("Token"), (app, client) -> {
            assertEquals(
                    "user-1",
                    client.get("/me", "Authorization", "Token " + READER).body());
            HttpResponse<String> bearer = client.get("/me", "Authorization", "Bearer " + READER);
            assertEquals(401, bearer.statusCode());
            assertEquals(
                    "Token error=\"invalid_token\"",
                    bearer.headers().firstValue("WWW-Authenticate").orElseThrow());
            assertEquals(
                    "Token",
                    client.get("/me").headers().firstValue("WWW-Authenticate").orElseThrow());
        });
    }

    @Test
    void keepsTheRouteTemplateInMetricsWhenAuthFails() {
        run((app, client) -> {
            client.get("/me", "Authorization", "Bearer broken");
            client.delete("/users/42", "Authorization", "Bearer " + READER);
            String requests = "http_server_requests_seconds_count";
            client.awaitMetrics(m -> m.has(requests, "uri", "/me", "status", "401")
                    && m.has(requests, "uri", "/users/{id}", "status", "403"));
        });
    }

    @Test
    void sendsTheSecurityHeadersOnEveryResponseIncludingErrors() {
        run((app, client) -> {
            for (HttpResponse<String> response :
                    List.of(client.get("/public"), client.get("/me"), client.get("/nowhere"))) {
                Map<String, String> expected = Map.of(
                        "X-Content-Type-Options", "nosniff",
                        "Referrer-Policy", "no-referrer",
                        "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'",
                        "X-Frame-Options", "DENY");
                expected.forEach((name, value) -> assertEquals(
                        value, response.headers().firstValue(name).orElse(null), name + " on " + response.uri()));
                assertFalse(
                        response.headers()
                                .firstValue("Strict-Transport-Security")
                                .isPresent(),
                        "HSTS is off by default");
            }
        });
    }

    @Test
    void sendsHstsWhenOnAndNoStoreOnlyOnAnswersToUnsafeMethods() {
        Consumer<MainstaySetup> withHsts = setup -> setup.javalin(cfg -> {
            cfg.registerPlugin(new SecurityPlugin(options -> {
                options.accessTokens = TOKENS;
                options.headers = new HeadersConfig(true, Duration.ofDays(365), true);
            }));
            cfg.routes.get("/public", ctx -> ctx.result("hello"));
            cfg.routes.post("/public", ctx -> ctx.result("posted"));
        });
        MainstayTest.run(withHsts, (app, client) -> {
            HttpResponse<String> get = client.get("/public");
            HttpResponse<String> post = client.post("/public", Map.of());
            HttpResponse<String> missing = client.delete("/nowhere");
            for (HttpResponse<String> response : List.of(get, post, missing)) {
                assertEquals(
                        List.of("max-age=31536000; includeSubDomains"),
                        response.headers().allValues("Strict-Transport-Security"),
                        "HSTS on " + response.request().method());
                assertEquals(List.of("DENY"), response.headers().allValues("X-Frame-Options"));
            }
            assertEquals(List.of(), get.headers().allValues("Cache-Control"), "a GET answer may be cached");
            assertEquals(List.of("no-store"), post.headers().allValues("Cache-Control"), post.body());
            assertEquals(List.of("no-store"), missing.headers().allValues("Cache-Control"), missing.body());
        });
    }
}
