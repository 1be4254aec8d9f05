package dev.mainstay.core;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The admin surface: {@code /health/live}, {@code /health/ready} and {@code /metrics}. Installed on the
 * main server by default, or alone on a second server when {@code admin.port} is set.
 */
final class AdminRoutes {
    static final String LIVE = "/health/live";
    static final String READY = "/health/ready";
    static final String METRICS = "/metrics";
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    static final String OPENMETRICS_TEXT = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private AdminRoutes() {}

    static void install(JavalinConfig cfg, Health health, PrometheusMeterRegistry registry) {
        cfg.routes.get(LIVE, health::live);
        cfg.routes.get(READY, health::ready);
        cfg.routes.get(METRICS, ctx -> metrics(ctx, registry));
    }

    /** Prometheus text by default; OpenMetrics when the scraper asks for it. */
    private static void metrics(Context ctx, PrometheusMeterRegistry registry) {
        String accept = ctx.header("Accept");
        String contentType =
                accept != null && accept.contains("application/openmetrics-text") ? OPENMETRICS_TEXT : PROMETHEUS_TEXT;
        ctx.contentType(contentType).result(registry.scrape(contentType));
    }
}
