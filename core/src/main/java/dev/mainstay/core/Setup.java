package dev.mainstay.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mainstay.core.config.Config;
import dev.mainstay.core.config.Profile;
import dev.mainstay.core.health.HealthCheck;
import dev.mainstay.core.problem.ProblemMapper;
import dev.mainstay.core.problem.ProblemWriter;
import io.javalin.config.JavalinConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/** Records what the setup lambda declares; {@link Mainstay} reads it back once the lambda returns. */
final class Setup implements MainstaySetup {
    private final Config config;
    private final ServerConfig server;
    private final ObjectMapper json;
    private final MeterRegistry registry;
    final List<Consumer<JavalinConfig>> configurers = new ArrayList<>();
    final Health health;
    final Resources resources = new Resources();
    final Errors errors;

    Setup(Config config, ServerConfig server, ObjectMapper json, MeterRegistry registry) {
        this.config = config;
        this.server = server;
        this.json = json;
        this.registry = registry;
        this.health = new Health();
        this.errors = new Errors();
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public Profile profile() {
        return config.profile();
    }

    @Override
    public ObjectMapper json() {
        return json;
    }

    @Override
    public MeterRegistry meterRegistry() {
        return registry;
    }

    @Override
    public void javalin(Consumer<JavalinConfig> configurer) {
        configurers.add(Objects.requireNonNull(configurer, "configurer"));
    }

    @Override
    public void liveness(String name, HealthCheck check) {
        health.addLiveness(name, check, server.healthTimeout(), true);
    }

    @Override
    public void readiness(String name, HealthCheck check) {
        readiness(name, check, server.healthTimeout(), true);
    }

    @Override
    public void readiness(String name, HealthCheck check, Duration timeout, boolean critical) {
        health.addReadiness(name, check, timeout, critical);
    }

    @Override
    public <T extends AutoCloseable> T manage(T resource) {
        return resources.add(resource);
    }

    @Override
    public <E extends Exception> void exception(Class<E> type, ProblemMapper<E> mapper) {
        errors.map(type, mapper);
    }

    @Override
    public void problemWriter(ProblemWriter writer) {
        errors.writer(writer);
    }
}
