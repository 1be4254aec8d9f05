package dev.mainstay.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mainstay.core.config.Config;
import dev.mainstay.core.config.Profile;
import dev.mainstay.core.exception.MainstayException;
import dev.mainstay.core.health.HealthCheck;
import dev.mainstay.core.problem.ProblemMapper;
import dev.mainstay.core.problem.ProblemWriter;
import io.javalin.config.JavalinConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * What an application declares while {@link Mainstay#create} builds it: routes, health checks,
 * resources to close, and how its own exceptions answer.
 *
 * <p>Handed to the setup lambda and valid only during it; call it from that one thread. Bind all of
 * the application's config sections in one {@code setup.config().bind(...)} call at the top, so that
 * a bad start-up reports every problem (core's and the application's) at once.
 */
public interface MainstaySetup {
    /**
     * The configuration the app was created with; bind the application's own sections from it.
     *
     * @return the configuration given to {@link Mainstay#create}
     */
    Config config();

    /**
     * The profile ({@code dev}, {@code test} or {@code prod}) that chose core's defaults, for the app's own.
     *
     * @return the active profile
     */
    Profile profile();

    /**
     * Returns the app's JSON mapper (mutable until the app starts; configure it here if needed).
     *
     * @return the mapper that reads request bodies and writes responses
     */
    ObjectMapper json();

    /**
     * Returns the registry behind {@code /metrics}; bind the application's own meters to it.
     *
     * @return the app's Prometheus registry, whose meters carry the {@code application} tag
     */
    MeterRegistry meterRegistry();

    /**
     * Adds ordinary Javalin configuration: routes ({@code cfg.routes.get(...)}), plugins, handlers.
     * Configurers run in order, after Mainstay's own request-id, error and metrics wiring.
     *
     * @param configurer changes Javalin's configuration; runs once, while the app is built
     */
    void javalin(Consumer<JavalinConfig> configurer);

    /**
     * Adds a critical liveness check ("the process works"), bounded by {@code health.timeout}.
     * A failing liveness check tells the orchestrator to restart the process; keep these cheap.
     *
     * @param name the check's name in the {@code /health/live} answer, e.g. {@code deadlocks}
     * @param check the check; may be called concurrently, by several probes at once
     */
    void liveness(String name, HealthCheck check);

    /**
     * Adds a critical readiness check ("it can serve now"), bounded by {@code health.timeout}.
     *
     * @param name the check's name in the {@code /health/ready} answer, e.g. {@code database}
     * @param check the check; may be called concurrently, by several probes at once
     */
    void readiness(String name, HealthCheck check);

    /**
     * Adds a readiness check with its own time bound; a non-critical check is reported but never
     * turns readiness to 503.
     *
     * @param name the check's name in the {@code /health/ready} answer
     * @param check the check; may be called concurrently, by several probes at once
     * @param timeout how long the check may take before it counts as {@code DOWN}
     * @param critical whether a failure turns readiness to 503 ({@code false}: reported only)
     */
    void readiness(String name, HealthCheck check, Duration timeout, boolean critical);

    /**
     * Registers a resource (pool, client, executor) to close when the app stops, after in-flight
     * requests have drained, in reverse order of registration. Also closed if creation fails.
     *
     * @param <T> the resource's type
     * @param resource what to close at stop; its {@code close} failures are logged, not thrown
     * @return {@code resource}, for chaining
     */
    <T extends AutoCloseable> T manage(T resource);

    /**
     * Maps the application's own exception type to a problem; the most specific registered type wins
     * and takes precedence over {@link dev.mainstay.core.problem.ProblemSource}.
     *
     * @param <E> the exception type
     * @param type the exception class; subclasses match too, unless mapped themselves
     * @param mapper turns a caught exception into the problem the client sees
     * @throws MainstayException if {@code type} is already mapped, by the app or by a library it installed:
     *     a second mapping is refused, never silently replaces the first; the message names both callers
     */
    <E extends Exception> void exception(Class<E> type, ProblemMapper<E> mapper);

    /**
     * Replaces how problems are written (the default is RFC 9457 {@code application/problem+json}, see
     * {@link ProblemWriter}). Every error path still goes through it, with the status, headers and request
     * id already set.
     *
     * @param writer writes every problem response of the app; replaces the previous writer
     */
    void problemWriter(ProblemWriter writer);
}
