package dev.mainstay.examples.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mainstay.test.MainstayTest;
import dev.mainstay.test.MetricsScrape;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HelloTest {
    @Test
    void greetsByNameWithTheConfiguredGreeting() {
        MainstayTest.run(Map.of("hello.greeting", "Howdy"), Hello::setup, (app, client) -> {
            HttpResponse<String> response = client.get("/hello?name=Ada");
            assertEquals(200, response.statusCode());
            assertEquals("Howdy, Ada!", client.json(response).path("message").asText());
            HttpResponse<String> posted = client.post("/hello", Map.of("name", "Bob"));
            assertEquals("Howdy, Bob!", client.json(posted).path("message").asText());
        });
    }

    @Test
    void rejectsAMissingOrOverlongNameWithAProblemNamingTheParameter() {
        MainstayTest.run(Hello::setup, (app, client) -> {
            for (String query : new String[] {"", "?name=", "?name=" + "x".repeat(101)}) {
                HttpResponse<String> response = client.get("/hello" + query);
                assertEquals(422, response.statusCode(), query);
                assertEquals(
                        "application/problem+json",
                        response.headers().firstValue("Content-Type").orElseThrow());
                assertEquals(
                        "?name",
                        client.json(response)
                                .path("errors")
                                .path(0)
                                .path("pointer")
                                .asText());
            }
        });
    }

    @Test
    void isReady() {
        MainstayTest.run(Hello::setup, (app, client) -> {
            HttpResponse<String> response = client.get("/health/ready");
            assertEquals(200, response.statusCode());
            assertEquals(
                    "greeting",
                    client.json(response).path("checks").path(0).path("name").asText());
        });
    }

    @Test
    void answersAnUnknownPathWithA404ProblemCarryingTheRequestId() {
        MainstayTest.run(Hello::setup, (app, client) -> {
            HttpResponse<String> response = client.get("/nope", "X-Request-Id", "trace-42");
            assertEquals(404, response.statusCode());
            assertEquals(
                    "application/problem+json",
                    response.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("trace-42", client.json(response).path("requestId").asText());
            assertEquals(
                    "trace-42", response.headers().firstValue("X-Request-Id").orElseThrow());
        });
    }

    @Test
    void answersMalformedJsonWithA400Problem() {
        MainstayTest.run(Hello::setup, (app, client) -> {
            HttpResponse<String> response = client.post("/hello", "{\"name\": ");
            assertEquals(400, response.statusCode());
            assertEquals("Malformed JSON", client.json(response).path("title").asText());
        });
    }

    @Test
    void exposesARequestTimerTaggedByRouteTemplate() {
        MainstayTest.run(Hello::setup, (app, client) -> {
            client.get("/hello?name=Ada");
            // The request is counted after its response was written, so the scrape waits for it.
            MetricsScrape metrics = client.awaitMetrics(
                    m -> m.has("http_server_requests_seconds_count", "uri", "/hello", "status", "200"));
            assertEquals(1.0, metrics.sum("hello_greetings_total"), metrics::toString);
        });
    }
}
