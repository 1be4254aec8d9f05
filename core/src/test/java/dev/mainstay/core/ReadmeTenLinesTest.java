package dev.mainstay.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.core.config.Config;
import dev.mainstay.core.problem.Validation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The ten-line example at the top of core/README.md, with create on port 0 in place of run. */
class ReadmeTenLinesTest {
    // ---- the lambda handed to Mainstay.run in core/README.md, verbatim ----
    static final Consumer<MainstaySetup> GREETER = app -> app.javalin(cfg -> cfg.routes.get("/hello", ctx -> {
        String name = ctx.queryParam("name");
        Validation.start().notBlank("?name", name).maxLength("?name", name, 50).throwIfInvalid();
        ctx.json(Map.of("message", "Hello, " + name + "!"));
    }));
    // ---- end ----

    @Test
    void answersTheGreetingAndA422NamingTheParameter() throws Exception {
        try (Mainstay app = Mainstay.create(Config.of(Map.of("http.port", "0", "profile", "test")), GREETER)
                .start()) {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://localhost:" + app.port();
            HttpResponse<String> ok = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/hello?name=Ada")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("{\"message\":\"Hello, Ada!\"}", ok.body());
            HttpResponse<String> missing = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/hello")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(422, missing.statusCode());
            assertTrue(missing.body().contains("\"pointer\":\"?name\""), missing.body());
            assertEquals(200, http.send(
                            HttpRequest.newBuilder(URI.create(base + "/health/ready")).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .statusCode());
        }
    }
}
