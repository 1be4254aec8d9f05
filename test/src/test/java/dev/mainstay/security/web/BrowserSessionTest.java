package dev.mainstay.security.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mainstay.security.config.HeadersConfig;
import dev.mainstay.test.MainstayTest;
import dev.mainstay.test.TestClient;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cookie mode of the token routes ({@link BrowserSession}) over real HTTP: the cookie's flags, the
 * two CSRF refusals, logout, the unchanged JSON form, CORS for a front-end on another port, and the
 * two Content-Security-Policies ({@link WebPages}).
 */
class BrowserSessionTest {
    private static final String DEV_SERVER = "http://localhost:5173";
    private static final Map<String, Object> ADA =
            Map.of("email", "ada@example.com", "password", "analytical engine 1843");
    private static final String EVIL = "https://evil.example";
    private static final String[] COOKIE_MODE = {"X-Auth-Mode", "cookie"};

    @TempDir
    Path pages;

    private void run(String profile, MainstayTest.Body body) throws IOException {
        Files.writeString(pages.resolve("index.html"), "<!doctype html><title>notes</title>");
        Map<String, String> config = new HashMap<>(Map.of(
                "security.password.cost", "10",
                "security.cors.allowed-origins", DEV_SERVER,
                "security.cors.allow-credentials", "true",
                "security.cors.allowed-headers", "Authorization, Content-Type, X-Auth-Mode"));
        config.put("profile", profile);
        MainstayTest.run(config, new CookieModeApp(pages)::setup, (app, client) -> {
            assertEquals(201, client.post("/auth/register", ADA).statusCode());
            body.accept(app, client);
        });
    }

    private void run(MainstayTest.Body body) throws IOException {
        run("test", body);
    }

    private static HttpResponse<String> cookieLogin(TestClient client) {
        HttpResponse<String> response = client.post("/auth/login", ADA, COOKIE_MODE);
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }

    private static String setCookie(HttpResponse<String> response) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        assertEquals(1, cookies.size(), cookies.toString());
        return cookies.get(0);
    }

    /** The {@code name=value} part of a {@code Set-Cookie}, as a browser sends it back. */
    private static String cookieOf(HttpResponse<String> response) {
        return setCookie(response).split(";")[0];
    }

    private static String bearer(TestClient client, HttpResponse<String> tokens) {
        return "Bearer " + client.json(tokens).path("accessToken").asText();
    }

    private static void assertForbiddenProblem(HttpResponse<String> response) {
        assertEquals(403, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void withoutTheHeaderTokensTravelInTheBodyAsBefore() throws IOException {
        run((app, client) -> {
            HttpResponse<String> login = client.post("/auth/login", ADA);

            assertEquals(200, login.statusCode(), login.body());
            assertTrue(login.headers().allValues("Set-Cookie").isEmpty(), "no cookie without the header");
            String refresh = client.json(login).path("refreshToken").asText();
            HttpResponse<String> refreshed = client.post("/auth/refresh", Map.of("refreshToken", refresh));
            assertEquals(200, refreshed.statusCode(), refreshed.body());
            assertFalse(client.json(refreshed).path("refreshToken").asText().isBlank());
        });
    }

    @Test
    void cookieLoginSetsAStrictHttpOnlySecureCookieOnTheAuthPathAndKeepsTheTokenOutOfTheBody() throws IOException {
        run((app, client) -> {
            HttpResponse<String> login = cookieLogin(client);

            String cookie = setCookie(login);
            assertTrue(
                    cookie.matches(
                            "refresh_token=[^;]{20,}; Path=/auth; Max-Age=1209600; HttpOnly; Secure; SameSite=Strict"),
                    cookie);
            JsonNode body = client.json(login);
            assertTrue(body.path("refreshToken").isMissingNode(), body.toString());
            assertFalse(body.path("accessToken").asText().isBlank());
            assertEquals("no-store", login.headers().firstValue("Cache-Control").orElseThrow());
        });
    }

    @Test
    void secureIsLeftOutOnlyInDevOverHttpOnLocalhost() throws IOException {
        run("dev", (app, client) -> {
            String cookie = setCookie(cookieLogin(client));

            assertTrue(cookie.endsWith("; HttpOnly; SameSite=Strict"), cookie);
        });
    }

    @Test
    void cookieRefreshReadsTheCookieRotatesItAndRefusesTheOldOne() throws IOException {
        run((app, client) -> {
            String first = cookieOf(cookieLogin(client));

            HttpResponse<String> refreshed =
                    client.post("/auth/refresh", null, "X-Auth-Mode", "cookie", "Cookie", first);
            assertEquals(200, refreshed.statusCode(), refreshed.body());
            String second = cookieOf(refreshed);
            assertFalse(second.equals(first), "rotated");
            assertTrue(client.json(refreshed).path("refreshToken").isMissingNode());

            HttpResponse<String> replay = client.post("/auth/refresh", null, "X-Auth-Mode", "cookie", "Cookie", first);
            assertEquals(401, replay.statusCode(), "a reused refresh token ends its family");
        });
    }

    @Test
    void refusesTheCookieWithoutTheModeHeader() throws IOException {
        run((app, client) -> {
            String cookie = cookieOf(cookieLogin(client));

            // What a cross-site form would send, if a browser attached the cookie: no custom header.
            assertForbiddenProblem(client.post("/auth/refresh", Map.of(), "Cookie", cookie));
            assertForbiddenProblem(client.post("/auth/refresh", Map.of(), "Cookie", cookie, "Origin", EVIL));
        });
    }

    @Test
    void refusesAForeignOrOpaqueOrigin() throws IOException {
        run((app, client) -> {
            String cookie = cookieOf(cookieLogin(client));

            for (String origin : List.of("https://evil.example", "null", "http://localhost:5174", "http://localhost")) {
                assertForbiddenProblem(client.post(
                        "/auth/refresh", null, "X-Auth-Mode", "cookie", "Cookie", cookie, "Origin", origin));
            }
            assertForbiddenProblem(client.post("/auth/login", ADA, "X-Auth-Mode", "cookie", "Origin", EVIL));
            // Refused before the password is checked: a wrong one gets the same 403, not a 401.
            Map<String, Object> wrongPassword = new HashMap<>(ADA);
            wrongPassword.put("password", "not the password at all");
            assertForbiddenProblem(client.post("/auth/login", wrongPassword, "X-Auth-Mode", "cookie", "Origin", EVIL));
            assertEquals(
                    200,
                    client.post("/auth/refresh", null, "X-Auth-Mode", "cookie", "Cookie", cookie).statusCode(),
                    "the refused requests did not use the token");
        });
    }

    @Test
    void acceptsTheServicesOwnOriginAndAnAllowedOne() throws IOException {
        run((app, client) -> {
            String own = "http://localhost:" + app.port();
            HttpResponse<String> login = client.post("/auth/login", ADA, "X-Auth-Mode", "cookie", "Origin", own);
            assertEquals(200, login.statusCode(), login.body());

            HttpResponse<String> fromDevServer = client.post(
                    "/auth/refresh", null, "X-Auth-Mode", "cookie", "Cookie", cookieOf(login), "Origin", DEV_SERVER);
            assertEquals(200, fromDevServer.statusCode(), fromDevServer.body());
            assertEquals(DEV_SERVER, fromDevServer.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
            assertEquals("true", fromDevServer.headers().firstValue("Access-Control-Allow-Credentials").orElseThrow());
        });
    }

    @Test
    void logoutRevokesTheTokenAndDeletesTheCookie() throws IOException {
        run((app, client) -> {
            HttpResponse<String> login = cookieLogin(client);
            String cookie = cookieOf(login);

            HttpResponse<String> logout = client.post(
                    "/auth/logout",
                    null,
                    "X-Auth-Mode", "cookie",
                    "Cookie", cookie,
                    "Authorization", bearer(client, login));

            assertEquals(204, logout.statusCode(), logout.body());
            String cleared = setCookie(logout);
            assertTrue(
                    cleared.startsWith("refresh_token=; Path=/auth; Max-Age=0; HttpOnly; Secure; SameSite=Strict"),
                    cleared);
            HttpResponse<String> replay = client.post("/auth/refresh", null, "X-Auth-Mode", "cookie", "Cookie", cookie);
            assertEquals(401, replay.statusCode());
        });
    }

    @Test
    void answersThePreflightOfAFrontEndOnLocalhost5173() throws IOException {
        run((app, client) -> {
            HttpResponse<String> preflight = client.send(client.request(
                            "/auth/refresh",
                            "Origin", DEV_SERVER,
                            "Access-Control-Request-Method", "POST",
                            "Access-Control-Request-Headers", "content-type, x-auth-mode")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

            assertEquals(204, preflight.statusCode(), preflight.body());
            assertEquals(DEV_SERVER, preflight.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
            assertEquals("true", preflight.headers().firstValue("Access-Control-Allow-Credentials").orElseThrow());
            String allowed = preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow();
            assertTrue(allowed.contains("X-Auth-Mode"), allowed);
        });
    }

    @Test
    void pagesGetThePagePolicyAndTheApiKeepsItsOwn() throws IOException {
        run((app, client) -> {
            HttpResponse<String> page = client.get("/");
            HttpResponse<String> api = client.get("/api/data");

            assertEquals(200, page.statusCode(), page.body());
            assertTrue(page.body().contains("<title>notes</title>"), page.body());
            assertEquals(List.of(HeadersConfig.PAGE_POLICY), page.headers().allValues("Content-Security-Policy"));
            assertEquals(List.of(HeadersConfig.API_POLICY), api.headers().allValues("Content-Security-Policy"));
            assertTrue(HeadersConfig.PAGE_POLICY.startsWith("default-src 'self';"));
            assertTrue(HeadersConfig.PAGE_POLICY.contains("frame-ancestors 'none'"));
            assertFalse(HeadersConfig.PAGE_POLICY.contains("unsafe-inline"));
        });
    }
}
