package dev.mainstay.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.core.problem.Problem;
import dev.mainstay.test.MainstayTest;
import dev.mainstay.test.MetricsScrape;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class MetricsTest {
    private static void routes(MainstaySetup app) {
        app.javalin(cfg -> {
            cfg.routes.get("/users/{id}", ctx -> ctx.result("user"));
            cfg.routes.beforeMatched("/admin/*", ctx -> {
                throw Problem.of(401, "Unauthorized").toException();
            });
            cfg.routes.get("/admin/stats", ctx -> ctx.result("stats"));
        });
    }

    private static final String REQUESTS = "http_server_requests_seconds_count";

    @Test
    void timesRequestsByRouteTemplateNeverByRawPath() {
        MainstayTest.run(MetricsTest::routes, (app, client) -> {
            client.get("/users/1");
            client.get("/users/2");
            String[] byTemplate = {"method", "GET", "uri", "/users/{id}", "status", "200", "outcome", "SUCCESS"};
            MetricsScrape metrics = client.awaitMetrics(m -> m.sum(REQUESTS, byTemplate) == 2);
            assertFalse(metrics.toString().contains("/users/1"), metrics::toString);
            HttpResponse<String> response = client.get("/metrics");
            assertEquals(200, response.statusCode());
            assertTrue(response.headers()
                    .firstValue("Content-Type")
                    .orElseThrow()
                    .startsWith("text/plain; version=0.0.4"));
        });
    }

    @Test
    void tagsUnmatchedRequestsWithOneFixedUri() {
        MainstayTest.run(MetricsTest::routes, (app, client) -> {
            client.get("/random/a");
            client.get("/random/b");
            client.delete("/users/1");
            MetricsScrape metrics = client.awaitMetrics(
                    m -> m.sum(REQUESTS, "uri", "NOT_FOUND", "status", "404", "outcome", "CLIENT_ERROR") == 2
                            && m.has(REQUESTS, "uri", "UNKNOWN", "status", "405"));
            assertFalse(metrics.toString().contains("/random"), metrics::toString);
        });
    }

    @Test
    void keepsTheRouteTagWhenABeforeMatchedHandlerRejects() {
        MainstayTest.run(MetricsTest::routes, (app, client) -> {
            assertEquals(401, client.get("/admin/stats").statusCode());
            client.awaitMetrics(m -> m.has(REQUESTS, "uri", "/admin/stats", "status", "401"));
        });
    }

    @Test
    void exposesJvmAndProcessMetrics() {
        MainstayTest.run(MetricsTest::routes, (app, client) -> {
            String metrics = client.get("/metrics").body();
            for (String name : new String[] {
                "jvm_memory_used_bytes",
                "jvm_gc_",
                "jvm_threads_live_threads",
                "jvm_classes_loaded_classes",
                "process_cpu_usage",
                "system_cpu_count",
                "process_uptime_seconds"
            }) {
                assertTrue(metrics.contains(name), name);
            }
        });
    }

    @Test
    void speaksOpenMetricsWhenTheScraperAsksForIt() {
        MainstayTest.run(MetricsTest::routes, (app, client) -> {
            HttpResponse<String> response =
                    client.get("/metrics", "Accept", "application/openmetrics-text; version=1.0.0");
            assertTrue(response.headers()
                    .firstValue("Content-Type")
                    .orElseThrow()
                    .startsWith("application/openmetrics-text"));
            assertTrue(response.body().endsWith("# EOF\n"));
        });
    }
}
