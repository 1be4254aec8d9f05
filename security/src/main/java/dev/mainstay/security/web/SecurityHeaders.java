package dev.mainstay.security.web;

import dev.mainstay.security.config.HeadersConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/** The {@code before} handler that adds the API security headers to every response, errors included. */
final class SecurityHeaders implements Handler {
    private final String hsts;

    SecurityHeaders(HeadersConfig config) {
        this.hsts = config.hsts()
                ? "max-age=" + config.hstsMaxAge().toSeconds()
                        + (config.hstsIncludeSubdomains() ? "; includeSubDomains" : "")
                : null;
    }

    @Override
    public void handle(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        // An API returns data, never a page: nothing may load from it or frame it.
        ctx.header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        ctx.header("X-Frame-Options", "DENY");
        if (hsts != null) {
            ctx.header("Strict-Transport-Security", hsts);
        }
    }
}
