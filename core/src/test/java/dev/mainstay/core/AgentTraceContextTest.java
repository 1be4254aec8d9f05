package dev.mainstay.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.core.config.Config;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenTelemetry Java agent's server span wins: its ids arrive as the request attributes {@code trace_id}
 * and {@code span_id} (set by the agent's Jetty instrumentation before any handler runs, as a servlet filter
 * does here), and Mainstay answers and logs with them instead of its own. examples/hello's
 * OpenTelemetryAgentTest checks the same with the real agent.
 */
class AgentTraceContextTest {
    private static final String AGENT_TRACE = "5f3c8a6d2b1e4f7a9c0d1e2f3a4b5c6d";
    private static final String AGENT_SPAN = "a1b2c3d4e5f60718";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Mainstay app;

    @BeforeAll
    static void start() {
        app = Mainstay.create(
                        Config.of(Map.of("http.port", "0", "profile", "test")),
                        setup -> setup.javalin(cfg -> {
                            cfg.jetty.modifyServletContextHandler(handler -> handler.addFilter(
                                    new FilterHolder(agent()), "/*", EnumSet.of(DispatcherType.REQUEST)));
                            cfg.routes.get("/work", ctx -> ctx.result(Mainstay.traceId(ctx)));
                        }))
                .start();
    }

    /** Plays the agent: the ids it would put on the request, from the {@code X-Agent} header of the test. */
    private static Filter agent() {
        return (request, response, chain) -> {
            String ids = ((HttpServletRequest) request).getHeader("X-Agent");
            if (ids != null) {
                String[] parts = ids.split(" ", -1);
                request.setAttribute(RequestIds.AGENT_TRACE_ID, parts[0]);
                request.setAttribute(RequestIds.AGENT_SPAN_ID, parts[1]);
            }
            chain.doFilter(request, response);
        };
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElseThrow();
    }

    @Test
    void takesTheAgentsTraceAndSpanWhenTheRequestCameWithoutTraceparent() throws Exception {
        HttpResponse<String> response = get("/work", "X-Agent", AGENT_TRACE + " " + AGENT_SPAN);

        assertEquals(AGENT_TRACE, response.body());
        assertEquals("00-" + AGENT_TRACE + "-" + AGENT_SPAN + "-00", header(response, "traceparent"));
        assertEquals(AGENT_SPAN, header(response, "X-Request-Id"), "the span id doubles as the request id");
    }

    @Test
    void answersWithTheAgentsSpanAndKeepsTheCallersSampledFlagWhenTheAgentContinuedTheCallersTrace()
            throws Exception {
        HttpResponse<String> response = get(
                "/work",
                "traceparent", "00-" + AGENT_TRACE + "-00f067aa0ba902b7-01",
                "X-Agent", AGENT_TRACE + " " + AGENT_SPAN);

        assertEquals("00-" + AGENT_TRACE + "-" + AGENT_SPAN + "-01", header(response, "traceparent"));
    }

    @Test
    void dropsTheCallersSampledFlagWhenTheAgentStartedAnotherTrace() throws Exception {
        HttpResponse<String> response = get(
                "/work",
                "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "X-Agent", AGENT_TRACE + " " + AGENT_SPAN);

        assertEquals(AGENT_TRACE, response.body());
        assertEquals("00-" + AGENT_TRACE + "-" + AGENT_SPAN + "-00", header(response, "traceparent"));
    }

    @Test
    void ignoresAttributesThatAreNotValidIds() throws Exception {
        for (String ids : new String[] {
            "00000000000000000000000000000000 " + AGENT_SPAN,
            AGENT_TRACE + " 0000000000000000",
            AGENT_TRACE.toUpperCase(Locale.ROOT) + " " + AGENT_SPAN,
            AGENT_TRACE + " " + AGENT_SPAN + "0",
            "short " + AGENT_SPAN
        }) {
            HttpResponse<String> response = get("/work", "X-Agent", ids);

            String traceparent = header(response, "traceparent");
            assertTrue(traceparent.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-00"), traceparent);
            boolean agentIds = response.body().equals(AGENT_TRACE) || traceparent.contains(AGENT_SPAN);
            assertTrue(!agentIds, ids + " was taken: " + traceparent);
        }
    }
}
