package dev.mainstay.security.web;

import dev.mainstay.security.config.HeadersConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * The {@code before} handler that adds the API security headers to every response, errors included,
 * and {@code Cache-Control: no-store} to every answer to an unsafe method.
 */
final class SecurityHeaders implements Handler {
    private final String hsts;

    SecurityHeaders(HeadersConfig config) {
        this.hsts = config.hsts()
                ? "max-age=" + config.hstsMaxAge().toSeconds()
                        + (config.hstsIncludeSubdomains() ? "; includeSubDomains" : "")
                : null;
    }

    private static boolean isSafe(HandlerType method) {
        return method == HandlerType.GET || method == HandlerType.HEAD || method == HandlerType.OPTIONS;
    }

    @Override
    public void handle(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        // An API returns data, never a page: nothing may load from it or frame it.
        ctx.header("Content-Security-Policy", HeadersConfig.API_POLICY);
        ctx.header("X-Frame-Options", "DENY");
        if (hsts != null) {
            ctx.header("Strict-Transport-Security", hsts);
        }
        if (!isSafe(ctx.method())) {
            // Answers to POST, PUT, PATCH and DELETE are where tokens are issued (login, refresh,
            // register, a changed password) and RFC 6749 5.1 forbids storing them; an API rarely means
            // such an answer to be cached, and a handler that does can set its own Cache-Control.
            ctx.header("Cache-Control", "no-store");
        }
    }
}
