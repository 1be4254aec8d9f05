package dev.mainstay.security.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.test.MainstayTest;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Why {@code Cors} is not Javalin's bundled CORS plugin (module README, "CORS and headers"): for an
 * allowed origin the plugin approves whatever method and request headers a preflight asks for, by
 * echoing them; it has no allowlist for either. Ours answers with the configured lists and refuses an
 * unlisted method outright. If the first test ever fails, Javalin changed, and the choice is worth
 * revisiting.
 */
class CorsVersusJavalinPluginTest {
    private static final String APP = "https://app.example.com";

    private static HttpRequest.Builder preflight(URI uri) {
        return HttpRequest.newBuilder(uri)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", APP)
                .header("Access-Control-Request-Method", "PURGE")
                .header("Access-Control-Request-Headers", "x-admin-override");
    }

    @Test
    void javalinsPluginApprovesAnyMethodAndHeaderAnAllowedOriginAsksFor() throws Exception {
        Javalin javalin = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.bundledPlugins.enableCors(cors -> cors.addRule(rule -> rule.allowHost(APP)));
            cfg.routes.get("/notes", ctx -> ctx.result("[]"));
        });
        HttpClient client = HttpClient.newHttpClient();
        try {
            javalin.start(0);
            HttpResponse<String> response = client.send(
                    preflight(URI.create("http://localhost:" + javalin.port() + "/notes")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(APP, response.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
            assertEquals("PURGE", response.headers().firstValue("Access-Control-Allow-Methods").orElse(null));
            assertEquals(
                    "x-admin-override", response.headers().firstValue("Access-Control-Allow-Headers").orElse(null));
        } finally {
            javalin.stop();
        }
    }

    @Test
    void oursRefusesAnUnlistedMethodAndApprovesOnlyTheListedHeaders() {
        MainstayTest.run(
                Map.of("security.cors.allowed-origins", APP),
                setup -> {
                    MainstaySecurity.installWithoutRefreshTokens(
                            setup, setup.config().bind(MainstaySecurity::readConfig), "/password");
                    setup.javalin(cfg -> cfg.routes.get("/notes", ctx -> ctx.result("[]")));
                },
                (app, client) -> {
                    HttpResponse<String> purge = client.send(preflight(client.uri("/notes")));
                    assertEquals(403, purge.statusCode());
                    assertFalse(purge.headers().firstValue("Access-Control-Allow-Methods").isPresent());

                    HttpResponse<String> get = client.send(preflight(client.uri("/notes"))
                            .setHeader("Access-Control-Request-Method", "GET"));
                    assertEquals(204, get.statusCode());
                    String headers = get.headers().firstValue("Access-Control-Allow-Headers").orElseThrow();
                    assertEquals("Authorization, Content-Type", headers);
                    assertTrue(get.headers().allValues("Vary").contains("Origin"));
                });
    }
}
