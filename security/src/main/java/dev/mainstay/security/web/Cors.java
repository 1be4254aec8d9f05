package dev.mainstay.security.web;

import dev.mainstay.core.problem.Problem;
import dev.mainstay.security.config.CorsConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code before} handler for CORS: echoes an allowed {@code Origin}, answers preflights itself,
 * and refuses preflights from other origins with 403. Header values are built once.
 */
final class Cors implements Handler {
    private static final Problem ORIGIN_REFUSED =
            Problem.of(403, "Forbidden").withDetail("This origin may not call the API from a browser.");

    private final Set<String> origins;
    private final Set<String> methods;
    private final String allowMethods;
    private final String allowHeaders;
    private final String exposeHeaders;
    private final boolean credentials;
    private final String maxAge;

    Cors(CorsConfig config) {
        this.origins = Set.copyOf(config.allowedOrigins());
        this.methods = Set.copyOf(config.allowedMethods());
        this.allowMethods = String.join(", ", config.allowedMethods());
        this.allowHeaders = String.join(", ", config.allowedHeaders());
        this.exposeHeaders = String.join(", ", config.exposedHeaders());
        this.credentials = config.allowCredentials();
        this.maxAge = Long.toString(config.maxAge().toSeconds());
    }

    @Override
    public void handle(Context ctx) {
        // The answer depends on Origin, so shared caches must key on it.
        ctx.header("Vary", "Origin");
        String origin = ctx.header("Origin");
        if (origin == null) {
            return;
        }
        boolean preflight = ctx.method() == HandlerType.OPTIONS && ctx.header("Access-Control-Request-Method") != null;
        if (!origins.contains(origin)) {
            if (preflight) {
                throw ORIGIN_REFUSED.toException();
            }
            return; // no CORS headers: the browser keeps the response from the page
        }
        ctx.header("Access-Control-Allow-Origin", origin);
        if (credentials) {
            ctx.header("Access-Control-Allow-Credentials", "true");
        }
        if (preflight) {
            answerPreflight(ctx);
        } else if (!exposeHeaders.isEmpty()) {
            ctx.header("Access-Control-Expose-Headers", exposeHeaders);
        }
    }

    private void answerPreflight(Context ctx) {
        String method = ctx.header("Access-Control-Request-Method").strip().toUpperCase(Locale.ROOT);
        if (!methods.contains(method)) {
            throw ORIGIN_REFUSED
                    .withDetail("This origin may not use " + method + " from a browser.")
                    .toException();
        }
        ctx.header("Access-Control-Allow-Methods", allowMethods);
        ctx.header("Access-Control-Allow-Headers", allowHeaders);
        ctx.header("Access-Control-Max-Age", maxAge);
        ctx.status(204);
        ctx.skipRemainingHandlers();
    }
}
