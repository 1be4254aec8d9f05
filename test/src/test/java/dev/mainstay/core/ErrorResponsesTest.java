package dev.mainstay.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mainstay.core.problem.FieldError;
import dev.mainstay.core.problem.Problem;
import dev.mainstay.core.problem.Validation;
import dev.mainstay.test.MainstayTest;
import dev.mainstay.test.TestClient;
import io.javalin.http.BadRequestResponse;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorResponsesTest {
    static final class OutOfStock extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutOfStock() {
            super("sku 42");
        }
    }

    private static void routes(MainstaySetup app) {
        app.javalin(cfg -> {
            cfg.routes.get("/items/{id}", ctx -> ctx.result("item"));
            cfg.routes.post("/items/{id}", ctx -> ctx.result("posted"));
            cfg.routes.get("/boom", ctx -> {
                throw new IllegalStateException("password=hunter2 at db.internal:5432");
            });
            cfg.routes.get(
                    "/validate",
                    ctx -> Validation.start()
                            .notBlank("?name", ctx.queryParam("name"))
                            .range("?age", 0, 1, 150)
                            .throwIfInvalid());
            cfg.routes.get("/limited", ctx -> {
                throw Problem.of(429, "Too Many Requests")
                        .withHeader("Retry-After", "7")
                        .toException();
            });
            cfg.routes.get("/javalin-400", ctx -> {
                throw new BadRequestResponse("cursor is stale");
            });
            cfg.routes.get("/stock", ctx -> {
                throw new OutOfStock();
            });
            cfg.routes.get(
                    "/limit",
                    ctx -> ctx.result(String.valueOf(
                            ctx.queryParamAsClass("n", Integer.class).get())));
        });
        app.exception(OutOfStock.class, e -> Problem.of(409, "Out of stock").withDetail(e.getMessage()));
    }

    private static JsonNode problem(TestClient client, HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(
                "application/problem+json",
                response.headers().firstValue("Content-Type").orElseThrow());
        JsonNode body = client.json(response);
        assertEquals(status, body.path("status").asInt());
        assertEquals(
                response.headers().firstValue("X-Request-Id").orElseThrow(),
                body.path("requestId").asText());
        return body;
    }

    @Test
    void answersAnUnknownPathWith404ProblemNamingThePath() {
        MainstayTest.run(ErrorResponsesTest::routes, (app, client) -> {
            JsonNode body = problem(client, client.get("/nope"), 404);
            assertEquals("/nope", body.path("instance").asText());
            assertEquals("Not Found", body.path("title").asText());
        });
    }

    @Test
    void answersAWrongMethodWith405AndAnAllowHeader() {
        MainstayTest.run(ErrorResponsesTest::routes, (app, client) -> {
            HttpResponse<String> response = client.delete("/items/1");
            problem(client, response, 405);
            String allow = response.headers().firstValue("Allow").orElseThrow();
            assertTrue(allow.contains("GET") && allow.contains("POST"), allow);
        });
    }

    @Test
    void answersAnUnexpectedExceptionWithAGeneric500AndLogsItOnceWithTheRequestId() throws Exception {
        try (CapturedLogs logs = CapturedLogs.of(Errors.class)) {
            MainstayTest.run(ErrorResponsesTest::routes, (app, client) -> {
                HttpResponse<String> response = client.get("/boom", "X-Request-Id", "req-500");
                JsonNode body = problem(client, response, 500);
                assertFalse(response.body().contains("hunter2"), response.body());
                assertFalse(response.body().contains("IllegalStateException"), response.body());
                assertFalse(response.body().contains("at dev.mainstay"), response.body());
                assertTrue(body.path("detail").asText().contains("req-500"));
            });
            List<?> errors = logs.events().stream()
                    .filter(e -> e.getLevel() == Level.ERROR)
                    .toList();
            assertEquals(1, errors.size());
            assertEquals("req-500", logs.events().get(0).getMDCPropertyMap().get("requestId"));
            assertTrue(logs.events().get(0).getFormattedMessage().contains("req-500"));
            assertEquals(
                    "java.lang.IllegalStateException",
                    logs.events().get(0).getThrowableProxy().getClassName());
        }
    }

    @Test
    void listsEveryInvalidFieldIn422() {
        MainstayTest.run(ErrorResponsesTest::routes, (app, client) -> {
            JsonNode body = problem(client, client.get("/validate"), 422);
            assertEquals(2, body.path("errors").size());
            assertEquals("?name", body.path("errors").path(0).path("pointer").asText());
            assertEquals("?age", body.path("errors").path(1).path("pointer").asText());
        });
    }

    @Test
    void writesAProblemExceptionWithItsHeadersAndDoesNotLogIt() throws Exception {
        try (CapturedLogs logs = CapturedLogs.of(Errors.class)) {
            MainstayTest.run(ErrorResponsesTest::routes, (app, client) -> {
                HttpResponse<String> response = client.get("/limited");
                problem(client, response, 429);
                assertEquals("7", response.headers().firstValue("Retry-After").orElseThrow());
            });
            assertTrue(logs.events().stream().noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.INFO)));
        }
    }

    @Test
    void keepsTheMessageOfJavalinsOwnHttpExceptions() {
        MainstayTest.run(ErrorResponsesTest::routes, (app, client) -> {
            JsonNode body = problem(client, client.get("/javalin-400"), 400);
            assertEquals("cursor is stale", body.path("detail").asText());
        });
    }

    @Test
    void mapsJavalinParameterValidationTo400NamingTheParameter() {
        MainstayTest.run(ErrorResponsesTest::routes, (app, client) -> {
            JsonNode body = problem(client, client.get("/limit?n=abc"), 400);
            assertEquals("n", body.path("errors").path(0).path("pointer").asText());
        });
    }

    @Test
    void letsTheAppMapItsOwnExceptions() {
        MainstayTest.run(ErrorResponsesTest::routes, (app, client) -> {
            JsonNode body = problem(client, client.get("/stock"), 409);
            assertEquals("sku 42", body.path("detail").asText());
        });
    }

    @Test
    void letsTheAppReplaceTheBodyFormatOnEveryErrorPath() {
        MainstayTest.run(
                app -> {
                    routes(app);
                    app.problemWriter((ctx, problem, requestId) -> ctx.json(Map.of(
                            "errors",
                            Map.of(
                                    "body",
                                    problem.errors().isEmpty()
                                            ? List.of(problem.title())
                                            : problem.errors().stream()
                                                    .map(FieldError::message)
                                                    .toList()))));
                },
                (app, client) -> {
                    HttpResponse<String> missing = client.get("/nope");
                    assertEquals(404, missing.statusCode());
                    assertEquals("{\"errors\":{\"body\":[\"Not Found\"]}}", missing.body());
                    HttpResponse<String> invalid = client.get("/validate?name=x");
                    assertEquals(422, invalid.statusCode());
                    assertEquals("{\"errors\":{\"body\":[\"must be from 1 to 150\"]}}", invalid.body());
                    assertEquals(500, client.get("/boom").statusCode());
                });
    }
}
