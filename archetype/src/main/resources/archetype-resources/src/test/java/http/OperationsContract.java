package ${package}.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Health, metrics and the API docs. */
abstract class OperationsContract extends ApiContract {

    @Test
    void isLive() {
        assertEquals(200, get("/health/live", null).statusCode());
    }

    @Test
    void isReadyWhenTheDatabaseAnswers() {
        HttpResponse<String> response = get("/health/ready", null);

        assertEquals(200, response.statusCode(), response.body());
        JsonNode health = json(response);
        assertEquals("UP", health.path("status").asText());
        assertTrue(response.body().contains("\"database\""), response.body());
    }

    @Test
    void exposesMetricsForPrometheus() {
        get("/api/me", null);

        HttpResponse<String> response = get("/metrics", null);

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("jvm_memory_used_bytes"), "JVM metrics");
    }

    @Test
    void servesTheOpenApiDocument() {
        HttpResponse<String> response = get("/openapi.json", null);

        assertEquals(200, response.statusCode());
        assertEquals("3.1.0", json(response).path("openapi").asText());
    }

    @Test
    void servesSwaggerUi() {
        HttpResponse<String> page = get("/docs", null);
        HttpResponse<String> bundle = get("/docs/ui/swagger-ui-bundle.js", null);
        HttpResponse<String> init = get("/docs/assets/swagger-init.js", null);

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("swagger-ui"));
        assertEquals(200, bundle.statusCode());
        assertEquals(200, init.statusCode());
        assertTrue(init.body().contains("openapi.json"));
    }
}
