package dev.mainstay.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mainstay.core.config.Config;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reads the real console output, since the point is what operators see. */
class AccessLogTest {
    private final PrintStream originalOut = System.out;

    @AfterEach
    void restoreTextLogging() {
        System.setOut(originalOut);
        Logging.apply(Config.of(Map.of()).bind(ServerConfig::from));
    }

    private static String consoleLineOf(String format, String requestId) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        Config config =
                Config.of(Map.of("http.port", "0", "profile", "test", "log.format", format, "app.name", "orders"));
        try (Mainstay app = Mainstay.create(
                        config, setup -> setup.javalin(cfg -> cfg.routes.get("/items/{id}", ctx -> ctx.result("ok"))))
                .start()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/items/42"))
                    .header("X-Request-Id", requestId)
                    .build();
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            for (int i = 0; i < 500; i++) {
                String line = console.toString(StandardCharsets.UTF_8)
                        .lines()
                        .filter(l -> l.contains("dev.mainstay.access") && l.contains(requestId))
                        .findFirst()
                        .orElse(null);
                if (line != null) {
                    return line;
                }
                Thread.sleep(10);
            }
        }
        return fail("No access log line in: " + console.toString(StandardCharsets.UTF_8));
    }

    @Test
    void writesOneTextLineWithMethodRouteTemplateStatusDurationAndRequestId() throws Exception {
        String line = consoleLineOf("text", "text-1");
        assertTrue(line.matches(".*INFO .*dev\\.mainstay\\.access text-1 - GET /items/\\{id} 200 \\d+ms"), line);
    }

    @Test
    void writesOneLogstashJsonObjectWithTypedFieldsWhenLogFormatIsJson() throws Exception {
        String line = consoleLineOf("json", "json-1");
        JsonNode event = new ObjectMapper().readTree(line);
        assertEquals("INFO", event.path("level").asText(), line);
        assertEquals("dev.mainstay.access", event.path("logger_name").asText(), line);
        assertEquals("json-1", event.path("requestId").asText(), line);
        assertTrue(event.path("traceId").asText().matches("[0-9a-f]{32}"), line);
        assertEquals("orders", event.path("application").asText(), line);
        Instant.parse(event.path("@timestamp").asText()); // ISO-8601, in UTC
        assertEquals("GET", event.path("method").asText(), line);
        assertEquals("/items/{id}", event.path("uri").asText(), line);
        assertTrue(event.path("status").isInt(), "status is a JSON number: " + line);
        assertEquals(200, event.path("status").asInt(), line);
        assertTrue(event.path("durationMs").isIntegralNumber(), "durationMs is a JSON number: " + line);
        assertTrue(event.path("message").asText().startsWith("GET /items/{id} 200 "), line);
        assertTrue(!line.contains("\\/"), "no escaped slashes: " + line);
        assertTrue(event.path("@version").isMissingNode(), "no constant @version: " + line);
        assertTrue(event.path("level_value").isMissingNode(), "no level_value beside level: " + line);
    }
}
