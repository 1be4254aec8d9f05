package dev.mainstay.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mainstay.test.MainstayTest;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonBodyTest {
    record Item(String name, int quantity, LocalDate due, List<Tag> tags) {}

    record Tag(String label, boolean active) {}

    private static void routes(MainstaySetup app) {
        app.javalin(cfg -> {
            cfg.routes.post("/items", ctx -> ctx.json(Json.body(ctx, Item.class)));
            cfg.routes.post("/raw", ctx -> ctx.json(ctx.bodyAsClass(Item.class)));
            cfg.routes.get(
                    "/now",
                    ctx -> ctx.json(
                            Map.of("at", Instant.parse("2026-01-02T03:04:05Z"), "day", LocalDate.of(2026, 1, 2))));
        });
    }

    private static JsonNode problem(
            HttpResponse<String> response, int status, dev.mainstay.test.TestClient client) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(
                "application/problem+json",
                response.headers().firstValue("Content-Type").orElseThrow());
        return client.json(response);
    }

    @Test
    void readsAValidBodyAndIgnoresUnknownFields() {
        MainstayTest.run(JsonBodyTest::routes, (app, client) -> {
            HttpResponse<String> response = client.post(
                    "/items", "{\"name\":\"pen\",\"quantity\":2,\"due\":\"2026-05-01\",\"tags\":[],\"extra\":true}");
            assertEquals(200, response.statusCode(), response.body());
            assertEquals("2026-05-01", client.json(response).path("due").asText());
        });
    }

    @Test
    void writesJavaTimeAsIso8601() {
        MainstayTest.run(JsonBodyTest::routes, (app, client) -> {
            JsonNode body = client.json(client.get("/now"));
            assertEquals("2026-01-02T03:04:05Z", body.path("at").asText());
            assertEquals("2026-01-02", body.path("day").asText());
        });
    }

    @Test
    void rejectsMalformedJsonWith400() {
        MainstayTest.run(JsonBodyTest::routes, (app, client) -> {
            JsonNode body = problem(client.post("/items", "{\"name\": \"pen\""), 400, client);
            assertEquals("Malformed JSON", body.path("title").asText());
            problem(client.post("/items", "{} trailing"), 400, client);
            problem(client.post("/items", ""), 400, client);
            problem(client.post("/items", "null"), 400, client);
        });
    }

    @Test
    void rejectsInvalidUtf8With400EvenWhereJacksonWouldDecodeIt() {
        MainstayTest.run(JsonBodyTest::routes, (app, client) -> {
            byte[][] invalid = {
                {(byte) 0xC0, (byte) 0xAF}, // an overlong '/': Jackson alone would read it as '/'
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a surrogate encoded on its own
                {(byte) 0xE2, (byte) 0x82} // cut off mid-character
            };
            for (byte[] bad : invalid) {
                byte[] start = "{\"name\":\"pen".getBytes(StandardCharsets.UTF_8);
                byte[] end = "\",\"quantity\":1}".getBytes(StandardCharsets.UTF_8);
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                body.writeBytes(start);
                body.writeBytes(bad);
                body.writeBytes(end);
                HttpResponse<String> response = client.send(client.request("/items")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
                assertEquals("The body is not valid UTF-8.", problem(response, 400, client).path("detail").asText());
            }
            HttpResponse<String> emoji = client.post("/items", "{\"name\":\"pen \uD83D\uDD8A\",\"quantity\":1}");
            assertEquals("pen \uD83D\uDD8A", client.json(emoji).path("name").asText(), "valid UTF-8 still passes");
        });
    }

    @Test
    void rejectsA10000DeepBodyWith400NotAStackOverflow() {
        MainstayTest.run(JsonBodyTest::routes, (app, client) -> {
            String deep = "{\"x\":".repeat(10_000) + "1" + "}".repeat(10_000);
            JsonNode body = problem(client.post("/items", deep), 400, client);
            assertTrue(body.path("detail").asText().contains("nested deeper"), body.toString());
            problem(client.post("/raw", deep), 400, client);
        });
    }

    @Test
    void rejectsAStringOverTheConfiguredLengthWith400() {
        MainstayTest.run(Map.of("http.json.max-string-length", "10"), JsonBodyTest::routes, (app, client) -> {
            JsonNode body = problem(client.post("/items", "{\"name\":\"" + "x".repeat(11) + "\"}"), 400, client);
            assertTrue(body.path("detail").asText().contains("longer"), body.toString());
        });
    }

    @Test
    void namesTheMistypedFieldWithAJsonPointer() {
        MainstayTest.run(JsonBodyTest::routes, (app, client) -> {
            JsonNode body = problem(
                    client.post("/items", "{\"quantity\":1,\"tags\":[{\"label\":\"a\",\"active\":\"maybe\"}]}"),
                    400,
                    client);
            assertEquals(
                    "/tags/0/active",
                    body.path("errors").path(0).path("pointer").asText());
            assertEquals(
                    "must be true or false",
                    body.path("errors").path(0).path("message").asText());
            JsonNode nullPrimitive = problem(client.post("/items", "{\"quantity\":null}"), 400, client);
            assertEquals(
                    "/quantity",
                    nullPrimitive.path("errors").path(0).path("pointer").asText());
            assertEquals(
                    "is required",
                    nullPrimitive.path("errors").path(0).path("message").asText());
            JsonNode badDate = problem(client.post("/raw", "{\"due\":\"tomorrow\"}"), 400, client);
            assertEquals("/due", badDate.path("errors").path(0).path("pointer").asText());
        });
    }

    @Test
    void rejectsANonJsonContentTypeWith415() {
        MainstayTest.run(JsonBodyTest::routes, (app, client) -> {
            HttpResponse<String> response = client.send(client.request("/items", "Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")));
            problem(response, 415, client);
            HttpResponse<String> vendor = client.post(
                    "/items",
                    "{\"name\":\"pen\",\"quantity\":1}",
                    "Content-Type",
                    "application/vnd.api+json; charset=utf-8");
            assertEquals(200, vendor.statusCode(), vendor.body());
        });
    }

    @Test
    void rejectsABodyOverTheLimitWith413() {
        MainstayTest.run(Map.of("http.max-body-size", "1KB"), JsonBodyTest::routes, (app, client) -> {
            String big = "{\"name\":\"" + "x".repeat(2000) + "\"}";
            JsonNode body = problem(client.post("/items", big), 413, client);
            assertTrue(body.path("detail").asText().contains("1024"), body.toString());
            problem(client.post("/raw", big), 413, client);
        });
    }
}
