package dev.mainstay.security.web;

import dev.mainstay.core.FixedHeaders;
import dev.mainstay.security.config.HeadersConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code before} handler that adds the API security headers to every response, errors included,
 * and {@code Cache-Control: no-store} to every answer to an unsafe method.
 *
 * <p>The headers depend only on the configuration and the method, so both sets are encoded once, at
 * start-up ({@link FixedHeaders}): every response copies one of them.
 */
final class SecurityHeaders implements Handler {
    private final FixedHeaders forSafeMethods;
    private final FixedHeaders forUnsafeMethods;

    SecurityHeaders(HeadersConfig config) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        // An API returns data, never a page: nothing may load from it or frame it.
        headers.put("Content-Security-Policy", HeadersConfig.API_POLICY);
        headers.put("X-Frame-Options", "DENY");
        if (config.hsts()) {
            headers.put(
                    "Strict-Transport-Security",
                    "max-age=" + config.hstsMaxAge().toSeconds()
                            + (config.hstsIncludeSubdomains() ? "; includeSubDomains" : ""));
        }
        this.forSafeMethods = FixedHeaders.of(headers);
        // Answers to POST, PUT, PATCH and DELETE are where tokens are issued (login, refresh, register, a
        // changed password) and RFC 6749 5.1 forbids storing them; an API rarely means such an answer to
        // be cached, and a handler that does can set its own Cache-Control.
        headers.put("Cache-Control", "no-store");
        this.forUnsafeMethods = FixedHeaders.of(headers);
    }

    private static boolean isSafe(HandlerType method) {
        return method == HandlerType.GET || method == HandlerType.HEAD || method == HandlerType.OPTIONS;
    }

    @Override
    public void handle(Context ctx) {
        (isSafe(ctx.method()) ? forSafeMethods : forUnsafeMethods).setOn(ctx);
    }
}
