package dev.mainstay.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mainstay.test.MainstayTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthTest {
    @Test
    void reportsEveryCheckWithItsStatusAndDuration() {
        MainstayTest.run(
                app -> {
                    app.liveness("deadlocks", () -> {});
                    app.readiness("database", () -> {});
                    app.readiness("cache", () -> {});
                },
                (app, client) -> {
                    HttpResponse<String> live = client.get("/health/live");
                    assertEquals(200, live.statusCode());
                    assertEquals(
                            "deadlocks",
                            client.json(live)
                                    .path("checks")
                                    .path(0)
                                    .path("name")
                                    .asText());
                    HttpResponse<String> ready = client.get("/health/ready");
                    assertEquals(200, ready.statusCode());
                    JsonNode body = client.json(ready);
                    assertEquals("UP", body.path("status").asText());
                    assertEquals(2, body.path("checks").size());
                    JsonNode database = body.path("checks").path(0);
                    assertEquals("database", database.path("name").asText());
                    assertEquals("UP", database.path("status").asText());
                    assertTrue(database.path("durationMs").isNumber());
                    assertTrue(database.path("error").isMissingNode());
                });
    }

    @Test
    void answers503WhenACriticalCheckFailsAndShowsWhy() {
        MainstayTest.run(
                app -> app.readiness("database", () -> {
                    throw new IllegalStateException("connection refused");
                }),
                (app, client) -> {
                    HttpResponse<String> ready = client.get("/health/ready");
                    assertEquals(503, ready.statusCode());
                    JsonNode body = client.json(ready);
                    assertEquals("DOWN", body.path("status").asText());
                    assertEquals(
                            "connection refused",
                            body.path("checks").path(0).path("error").asText());
                    assertEquals(200, client.get("/health/live").statusCode());
                });
    }

    @Test
    void staysReadyWhenOnlyANonCriticalCheckFails() {
        MainstayTest.run(
                app -> app.readiness(
                        "recommendations",
                        () -> {
                            throw new IllegalStateException("slow");
                        },
                        Duration.ofSeconds(1),
                        false),
                (app, client) -> {
                    HttpResponse<String> ready = client.get("/health/ready");
                    assertEquals(200, ready.statusCode());
                    assertEquals(
                            "DOWN",
                            client.json(ready)
                                    .path("checks")
                                    .path(0)
                                    .path("status")
                                    .asText());
                });
    }

    @Test
    void boundsAHungCheckByTheHealthTimeout() {
        MainstayTest.run(
                Map.of("health.timeout", "200ms"),
                app -> app.readiness("hangs", () -> Thread.sleep(60_000)),
                (app, client) -> {
                    long start = System.nanoTime();
                    HttpResponse<String> ready = client.get("/health/ready");
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    assertEquals(503, ready.statusCode());
                    assertTrue(millis < 30_000, "took " + millis + "ms"); // the check sleeps 60 s
                    assertEquals(
                            "timed out after 200ms",
                            client.json(ready)
                                    .path("checks")
                                    .path(0)
                                    .path("error")
                                    .asText());
                });
    }
}
