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
    /** The configuration the app was created with; bind the application's own sections from it. */
    Config config();

    /** The profile ({@code dev}, {@code test} or {@code prod}) that chose core's defaults, for the app's own. */
    Profile profile();

    /** Returns the app's JSON mapper (mutable until the app starts; configure it here if needed). */
    ObjectMapper json();

    /** Returns the registry behind {@code /metrics}; bind the application's own meters to it. */
    MeterRegistry meterRegistry();

    /**
     * Adds ordinary Javalin configuration: routes ({@code cfg.routes.get(...)}), plugins, handlers.
     * Configurers run in order, after Mainstay's own request-id, error and metrics wiring.
     */
    void javalin(Consumer<JavalinConfig> configurer);

    /**
     * Adds a critical liveness check ("the process works"), bounded by {@code health.timeout}.
     * A failing liveness check tells the orchestrator to restart the process; keep these cheap.
     */
    void liveness(String name, HealthCheck check);

    /** Adds a critical readiness check ("it can serve now"), bounded by {@code health.timeout}. */
    void readiness(String name, HealthCheck check);

    /**
     * Adds a readiness check with its own time bound; a non-critical check is reported but never
     * turns readiness to 503.
     */
    void readiness(String name, HealthCheck check, Duration timeout, boolean critical);

    /**
     * Registers a resource (pool, client, executor) to close when the app stops, after in-flight
     * requests have drained, in reverse order of registration. Also closed if creation fails.
     *
     * @return {@code resource}, for chaining
     */
    <T extends AutoCloseable> T manage(T resource);

    /**
     * Maps the application's own exception type to a problem; the most specific registered type wins
     * and takes precedence over {@link dev.mainstay.core.problem.ProblemSource}.
     *
     * @throws MainstayException if {@code type} is already mapped, by the app or by a library it installed:
     *     a second mapping is refused, never silently replaces the first; the message names both callers
     */
    <E extends Exception> void exception(Class<E> type, ProblemMapper<E> mapper);

    /**
     * Replaces how problems are written (the default is RFC 9457 {@code application/problem+json}, see
     * {@link ProblemWriter}). Every error path still goes through it, with the status, headers and request
     * id already set.
     */
    void problemWriter(ProblemWriter writer);
}
