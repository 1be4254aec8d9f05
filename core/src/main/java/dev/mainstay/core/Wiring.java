package dev.mainstay.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.validation.ValidationException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * Builds the Javalin servers of an app: the main one with the user's routes, and the admin one when
 * {@code admin.port} is set. Mainstay's handlers are registered before the user's configurers, so a
 * request id exists before any user before-handler runs.
 */
final class Wiring {
    private Wiring() {}

    static Javalin main(ServerConfig server, Setup setup, ObjectMapper json, PrometheusMeterRegistry registry) {
        RequestLog requestLog = new RequestLog(registry);
        return Javalin.create(cfg -> {
            common(cfg, server, json, setup.errors, requestLog);
            cfg.jetty.host = server.host();
            cfg.jetty.port = server.port();
            cfg.http.maxRequestSize = server.maxBodySize();
            cfg.concurrency.useVirtualThreads = server.virtualThreads();
            if (!server.separateAdminPort()) {
                AdminRoutes.install(cfg, setup.health, registry);
            }
            setup.configurers.forEach(configurer -> configurer.accept(cfg));
        });
    }

    static Javalin admin(ServerConfig server, Setup setup, ObjectMapper json, PrometheusMeterRegistry registry) {
        RequestLog requestLog = new RequestLog(registry);
        return Javalin.create(cfg -> {
            common(cfg, server, json, setup.errors, requestLog);
            cfg.jetty.host = server.adminHost();
            cfg.jetty.port = server.adminPort().orElseThrow();
            cfg.http.maxRequestSize = 0;
            AdminRoutes.install(cfg, setup.health, registry);
        });
    }

    private static void common(
            JavalinConfig cfg, ServerConfig server, ObjectMapper json, Errors errors, RequestLog log) {
        cfg.startup.showJavalinBanner = false;
        cfg.startup.showOldJavalinVersionWarning = false;
        cfg.http.prefer405over404 = true;
        cfg.jetty.modifyServer(jetty -> jetty.setErrorHandler(new JettyProblems()));
        cfg.jsonMapper(new JavalinJackson(json, false));
        cfg.appData(Json.MAPPER_KEY, json);
        cfg.appData(Json.MAX_BODY_KEY, server.maxBodySize());
        cfg.appData(
                ClientAddress.KEY,
                new ClientAddress.Forwarding(TrustedProxies.of(server.trustedProxies()), server.forwardedHeader()));
        cfg.contextResolver.ip = ctx -> ClientAddress.of(ctx).toString();
        cfg.routes.before(ctx -> {
            RequestIds.assign(ctx);
            QueryStrings.requireDecodable(ctx);
        });
        cfg.routes.after(UnreadBody::discard); // the first after-handler, so the answer keeps the connection
        cfg.routes.exception(Exception.class, errors::handle);
        // Javalin answers its own 404/405/413 and validation failures itself unless a handler is
        // registered for exactly their classes.
        cfg.routes.exception(HttpResponseException.class, errors::handle);
        cfg.routes.exception(ValidationException.class, errors::handle);
        cfg.requestLogger.http(log::log);
    }
}
