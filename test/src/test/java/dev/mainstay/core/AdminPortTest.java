package dev.mainstay.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.mainstay.test.MainstayTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdminPortTest {
    private static void routes(MainstaySetup app) {
        app.javalin(cfg -> cfg.routes.get("/hello", ctx -> ctx.result("hi")));
    }

    @Test
    void servesHealthAndMetricsOnTheMainPortByDefault() {
        MainstayTest.run(AdminPortTest::routes, (app, client) -> {
            assertEquals(app.port(), app.adminPort());
            assertEquals(200, client.get("/health/live").statusCode());
            assertEquals(200, client.get("/health/ready").statusCode());
            assertEquals(200, client.get("/metrics").statusCode());
        });
    }

    @Test
    void movesHealthAndMetricsToTheAdminPortAndOffTheMainOne() {
        MainstayTest.run(Map.of("admin.port", "0"), AdminPortTest::routes, (app, client) -> {
            assertNotEquals(app.port(), app.adminPort());
            for (String path : new String[] {"/health/live", "/health/ready", "/metrics"}) {
                assertEquals(404, client.get(path).statusCode(), path);
                assertEquals(200, client.admin().get(path).statusCode(), path);
            }
            assertEquals(200, client.get("/hello").statusCode());
            assertEquals(404, client.admin().get("/hello").statusCode());
            assertEquals(
                    "application/problem+json",
                    client.admin()
                            .get("/hello")
                            .headers()
                            .firstValue("Content-Type")
                            .orElseThrow());
        });
    }
}
