package dev.mainstay.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mainstay.core.config.Config;
import dev.mainstay.core.problem.Problem;
import io.micrometer.core.instrument.Meter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** W3C Trace Context in and out, the trace id in logs and problems; also the other observability basics. */
class TraceContextTest {
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Mainstay app;
    private static CapturedLogs handlerLogs;
    private static CapturedLogs startLogs;

    @BeforeAll
    static void start() {
        handlerLogs = CapturedLogs.of("test.trace");
        startLogs = CapturedLogs.of(Mainstay.class);
        app = Mainstay.create(
                        Config.of(Map.of("http.port", "0", "profile", "test", "app.name", "orders")),
                        setup -> setup.javalin(cfg -> {
                            cfg.routes.get("/work", ctx -> {
                                LoggerFactory.getLogger("test.trace").info("working");
                                ctx.result(Mainstay.traceId(ctx));
                            });
                            cfg.routes.get("/fail", ctx -> {
                                throw Problem.of(409, "Conflict").toException();
                            });
                        }))
                .start();
    }

    @AfterAll
    static void stop() {
        app.stop();
        handlerLogs.close();
        startLogs.close();
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String traceparent(HttpResponse<String> response) {
        return response.headers().firstValue("traceparent").orElseThrow();
    }

    @Test
    void continuesAValidTraceWithASpanOfItsOwn() throws Exception {
        HttpResponse<String> response = get("/work", "traceparent", PARENT);
        assertEquals(TRACE_ID, response.body());
        String answered = traceparent(response);
        assertTrue(answered.matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01"), answered);
        assertNotEquals(PARENT, answered, "the span id is this server's");
        String span = answered.substring(36, 52);
        assertEquals(span, response.headers().firstValue("X-Request-Id").orElseThrow(), "a fresh request id is the span id");
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertEquals(
                TRACE_ID,
                handlerLogs
                        .await(e -> requestId.equals(e.getMDCPropertyMap().get("requestId")))
                        .getMDCPropertyMap()
                        .get("traceId"));
    }

    @Test
    void startsANewTraceWhenTheHeaderIsMissingOrInvalid() throws Exception {
        for (String bad : new String[] {
            null,
            "00-" + TRACE_ID.toUpperCase(java.util.Locale.ROOT) + "-00f067aa0ba902b7-01",
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
            "00-" + TRACE_ID + "-0000000000000000-01",
            "ff-" + TRACE_ID + "-00f067aa0ba902b7-01",
            PARENT + "-extra",
            "00-" + TRACE_ID + "-00f067aa0ba902b7",
        }) {
            HttpResponse<String> response = bad == null ? get("/work") : get("/work", "traceparent", bad);
            String traceId = response.body();
            assertTrue(traceId.matches("[0-9a-f]{32}"), traceId);
            assertNotEquals(TRACE_ID, traceId, String.valueOf(bad));
            assertEquals("00-" + traceId + "-", traceparent(response).substring(0, 36));
            assertTrue(traceparent(response).endsWith("-00"), "not sampled: Mainstay records nothing itself");
        }
        assertNotEquals(get("/work").body(), get("/work").body());
    }

    @Test
    void acceptsALaterVersionAndKeepsOnlyTheSampledFlag() throws Exception {
        HttpResponse<String> response = get("/work", "traceparent", "01-" + TRACE_ID + "-00f067aa0ba902b7-03-more");
        assertEquals(TRACE_ID, response.body());
        assertTrue(traceparent(response).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01"), traceparent(response));
    }

    @Test
    void putsTheTraceIdInProblemBodiesBesideTheRequestId() throws Exception {
        HttpResponse<String> response = get("/fail", "traceparent", PARENT);
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertEquals(409, response.statusCode());
        assertEquals(TRACE_ID, body.path("traceId").asText(), response.body());
        assertEquals(response.headers().firstValue("X-Request-Id").orElseThrow(), body.path("requestId").asText());
        assertEquals(TRACE_ID, traceparent(get("/nowhere", "traceparent", PARENT)).substring(3, 35));
    }

    @Test
    void tagsEveryMeterWithTheApplicationName() throws Exception {
        get("/work");
        assertFalse(app.meterRegistry().getMeters().isEmpty());
        for (Meter meter : app.meterRegistry().getMeters()) {
            assertEquals("orders", meter.getId().getTag("application"), meter.getId().toString());
        }
        assertTrue(get("/metrics").body().contains("application=\"orders\""));
    }

    @Test
    void printsAStartUpUrlAPersonCanClick() throws Exception {
        String line = startLogs.await(e -> e.getFormattedMessage().startsWith("Mainstay started")).getFormattedMessage();
        assertTrue(line.startsWith("Mainstay started: http://localhost:" + app.port() + " ("), line);
        assertEquals("http://127.0.0.1:8080", Mainstay.url("127.0.0.1", 8080));
        assertEquals("http://[::1]:8080", Mainstay.url("::1", 8080));
        assertEquals("http://localhost:8080", Mainstay.url("::", 8080));
    }
}
