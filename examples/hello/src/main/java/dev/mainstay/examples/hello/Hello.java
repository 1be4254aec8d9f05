package dev.mainstay.examples.hello;

import dev.mainstay.core.Json;
import dev.mainstay.core.Mainstay;
import dev.mainstay.core.MainstaySetup;
import dev.mainstay.core.config.ConfigReader;
import dev.mainstay.core.problem.Validation;
import io.micrometer.core.instrument.Counter;
import java.util.Map;

/** The smallest useful Mainstay service: one validated route, config, health and metrics. */
public final class Hello {
    private Hello() {}

    /** This service's own config section: {@code hello.greeting} in application.properties. */
    record Settings(String greeting) {
        static Settings from(ConfigReader r) {
            return new Settings(r.requiredString("hello.greeting", "set it to a greeting, e.g. Hello"));
        }
    }

    /** The body of {@code POST /hello}. */
    record Greet(String name) {}

    /** Starts the service on {@code http.port} (8080, or {@code PORT}); stops cleanly on SIGTERM. */
    public static void main(String[] args) {
        Mainstay.run(Hello::setup);
    }

    /** Declares the service; tests boot the same setup with {@code MainstayTest}. */
    static void setup(MainstaySetup app) {
        Settings settings = app.config().bind(Settings::from);
        Counter greetings = app.meterRegistry().counter("hello.greetings");
        app.readiness("greeting", () -> {
            if (settings.greeting().isBlank()) throw new IllegalStateException("no greeting configured");
        });
        app.javalin(cfg -> {
            cfg.routes.get("/hello", ctx -> ctx.json(greet(settings, "?name", ctx.queryParam("name"), greetings)));
            cfg.routes.post("/hello", ctx -> {
                Greet body = Json.body(ctx, Greet.class);
                ctx.json(greet(settings, "/name", body.name(), greetings));
            });
        });
    }

    private static Map<String, String> greet(Settings settings, String pointer, String name, Counter greetings) {
        Validation.start().notBlank(pointer, name).maxLength(pointer, name, 100).throwIfInvalid();
        greetings.increment();
        return Map.of("message", settings.greeting() + ", " + name + "!");
    }
}
