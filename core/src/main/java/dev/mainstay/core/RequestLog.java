package dev.mainstay.core;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The end of every request: one access-log line and one {@code http.server.requests} sample, both
 * tagged with the route template, never the raw path (which would explode log search and metric
 * cardinality alike). Runs as Javalin's request logger, after the response is complete.
 */
final class RequestLog {
    static final String LOGGER = "dev.mainstay.access";
    /** The {@code uri} tag of requests no route matched (Micrometer's convention). */
    static final String NOT_FOUND = "NOT_FOUND";
    /** The {@code uri} tag of other unmatched requests, such as 405 or a rejected before-handler. */
    static final String UNKNOWN = "UNKNOWN";

    private static final Logger ACCESS = LoggerFactory.getLogger(LOGGER);

    private record Key(String method, String uri, int status) {}

    /** What is fixed per (method, uri, status): its timer, and the start of its access-log message. */
    private record Line(Timer timer, String prefix) {}

    private final MeterRegistry registry;
    /** Looked up once per (method, uri, status): the timer builder is too slow for every request. */
    private final ConcurrentHashMap<Key, Line> lines = new ConcurrentHashMap<>();

    RequestLog(MeterRegistry registry) {
        this.registry = registry;
    }

    void log(Context ctx, Float millis) {
        try {
            String method = ctx.method().name();
            String uri = uri(ctx);
            int status = ctx.statusCode();
            Line line = line(method, uri, status);
            line.timer().record((long) (millis * 1_000_000f), TimeUnit.NANOSECONDS);
            if (ACCESS.isInfoEnabled()) {
                access(line.prefix(), method, uri, status, millis);
            }
        } finally {
            RequestIds.clearMdc();
        }
    }

    static String uri(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint != null) {
            return endpoint.path;
        }
        return ctx.statusCode() == 404 ? NOT_FOUND : UNKNOWN;
    }

    private Line line(String method, String uri, int status) {
        return lines.computeIfAbsent(
                new Key(method, uri, status),
                key -> new Line(
                        Timer.builder("http.server.requests")
                                .description("HTTP requests handled, by route template")
                                .tag("method", key.method())
                                .tag("uri", key.uri())
                                .tag("status", Integer.toString(key.status()))
                                .tag("outcome", Outcome.forStatus(key.status()).name())
                                .register(registry),
                        key.method() + ' ' + key.uri() + ' ' + key.status() + ' '));
    }

    /** The request id is not repeated here: it is in the MDC, which both formats write. */
    private static void access(String prefix, String method, String uri, int status, Float millis) {
        long durationMs = Math.round(millis);
        String message = prefix + durationMs + "ms";
        // The level was checked by the caller; atInfo() would check it again.
        ACCESS.makeLoggingEventBuilder(Level.INFO)
                .addKeyValue("method", method)
                .addKeyValue("uri", uri)
                .addKeyValue("status", status)
                .addKeyValue("durationMs", durationMs)
                .log(message);
    }
}
