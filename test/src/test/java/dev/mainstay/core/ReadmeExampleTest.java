package dev.mainstay.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mainstay.core.problem.Problem;
import dev.mainstay.core.problem.Validation;
import dev.mainstay.test.MainstayTest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Runs the sample of core/README.md verbatim (keep the two in sync). */
class ReadmeExampleTest {
    // ---- from core/README.md ----
    static final class TodoApp {
        record NewTodo(String title) {}

        record Todo(long id, String title) {}

        public static void main(String[] args) {
            Mainstay.run(TodoApp::setup);
        }

        static void setup(MainstaySetup app) {
            Map<Long, Todo> todos = new ConcurrentHashMap<>();
            AtomicLong ids = new AtomicLong();
            app.readiness("store", () -> {});
            app.javalin(cfg -> {
                cfg.routes.post("/todos", ctx -> {
                    NewTodo in = Json.body(ctx, NewTodo.class);
                    Validation.start()
                            .notBlank("/title", in.title())
                            .maxLength("/title", in.title(), 200)
                            .throwIfInvalid();
                    Todo todo = new Todo(ids.incrementAndGet(), in.title());
                    todos.put(todo.id(), todo);
                    ctx.status(201).json(todo);
                });
                cfg.routes.get("/todos/{id}", ctx -> {
                    Todo todo = todos.get(ctx.pathParamAsClass("id", Long.class).get());
                    if (todo == null) {
                        throw Problem.of(404, "Not Found")
                                .withDetail("No such todo.")
                                .toException();
                    }
                    ctx.json(todo);
                });
            });
        }
    }
    // ---- end of sample ----

    @Test
    void theReadmeSampleWorksAsDescribed() {
        MainstayTest.run(TodoApp::setup, (app, client) -> {
            var created = client.post("/todos", Map.of("title", "Write docs"));
            assertEquals(201, created.statusCode());
            assertEquals(
                    "Write docs",
                    client.json(client.get("/todos/1")).path("title").asText());
            assertEquals(422, client.post("/todos", Map.of("title", " ")).statusCode());
            assertEquals(404, client.get("/todos/99").statusCode());
            assertEquals(400, client.get("/todos/abc").statusCode());
            assertEquals(200, client.get("/health/ready").statusCode());
        });
    }
}
