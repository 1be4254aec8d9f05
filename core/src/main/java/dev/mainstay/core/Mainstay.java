package dev.mainstay.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mainstay.core.config.Config;
import dev.mainstay.core.config.ConfigException;
import dev.mainstay.core.config.ConfigProblem;
import dev.mainstay.core.config.Profile;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Javalin service wired for production: typed config, JSON, problem+json errors, request ids, an
 * access log, health, metrics and a graceful lifecycle. The one entry point of mainstay-core.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     Mainstay.run(app -> app.javalin(cfg -> cfg.routes.get("/hello", ctx -> ctx.result("Hello"))));
 * }
 * }</pre>
 *
 * <p>{@link #create} builds the app without starting it; {@link #run} is for {@code main}: it starts the
 * app, stops it on SIGTERM, and exits with status 1 and a one-paragraph explanation if it cannot
 * start. Thread-safe; {@link #stop()} may be called from any thread, more than once.
 */
public final class Mainstay implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Mainstay.class);

    private final ServerConfig server;
    private final Profile profile;
    private final Setup setup;
    private final Metrics metrics;
    private final Javalin javalin;
    private final Javalin admin;
    private final Lifecycle lifecycle;

    private Mainstay(ServerConfig server, Profile profile, Setup setup, Metrics metrics) {
        this.server = server;
        this.profile = profile;
        this.setup = setup;
        this.metrics = metrics;
        this.javalin = Wiring.main(server, setup, setup.json(), metrics.registry());
        this.admin = server.separateAdminPort() ? Wiring.admin(server, setup, setup.json(), metrics.registry()) : null;
        this.lifecycle = new Lifecycle(javalin, admin, setup, metrics);
    }

    /**
     * Builds an app from {@code config}: reads core's {@link ServerConfig}, runs {@code setup}, and
     * builds the Javalin server. Does not start it.
     *
     * <p>Config problems of core and of the application are reported together: if {@code setup} throws
     * a {@link ConfigException} (from {@code app.config().bind(...)}), it is merged with core's.
     *
     * @param config the configuration to read core's and the application's sections from
     * @param setup declares the application: routes, health checks, resources, Javalin settings
     * @return the built app, not yet listening
     * @throws ConfigException listing every invalid key, core's and the application's
     * @throws RuntimeException whatever {@code setup} throws; managed resources are closed first
     */
    public static Mainstay create(Config config, Consumer<MainstaySetup> setup) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(setup, "setup");
        List<ConfigProblem> problems = new ArrayList<>();
        ServerConfig server = readServerConfig(config, problems);
        Logging.apply(server);
        Metrics metrics = new Metrics(server.appName());
        Setup declared = new Setup(config, server, Json.mapper(server), metrics.registry());
        try {
            setup.accept(declared);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        } catch (RuntimeException | Error e) {
            abandon(declared, metrics);
            throw e;
        }
        if (!problems.isEmpty()) {
            abandon(declared, metrics);
            throw new ConfigException(List.copyOf(new LinkedHashSet<>(problems)));
        }
        try {
            return new Mainstay(server, config.profile(), declared, metrics);
        } catch (RuntimeException | Error e) {
            abandon(declared, metrics); // e.g. a Javalin configurer of the app threw
            throw e;
        }
    }

    /**
     * Like {@link #run(Config, Consumer)}, with the configuration of this process ({@link Config#load()}).
     *
     * @param setup declares the application: routes, health checks, resources, Javalin settings
     * @return the started app; on a start-up failure the JVM exits with status 1 instead
     */
    public static Mainstay run(Consumer<MainstaySetup> setup) {
        Config config;
        try {
            config = Config.load();
        } catch (RuntimeException e) {
            StartupFailure.explain(e, System.err);
            System.exit(1);
            throw e;
        }
        return run(config, setup);
    }

    /**
     * Creates and starts the app, and stops it gracefully when the JVM is asked to exit (SIGTERM,
     * Ctrl-C). Meant for {@code main}: on any start-up failure it prints one paragraph to stderr
     * (without a stack trace for config problems) and exits the JVM with status 1.
     *
     * @param config the configuration to read core's and the application's sections from
     * @param setup declares the application: routes, health checks, resources, Javalin settings
     * @return the started app; on a start-up failure the JVM exits with status 1 instead
     */
    public static Mainstay run(Config config, Consumer<MainstaySetup> setup) {
        Mainstay app = null;
        try {
            app = create(config, setup);
            app.start();
            Mainstay started = app;
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                started.stop();
                                Logging.flush();
                            },
                            "mainstay-shutdown"));
            return app;
        } catch (RuntimeException | Error e) {
            if (app != null) {
                app.stop();
            }
            Logging.flush();
            StartupFailure.explain(e, System.err);
            System.exit(1);
            throw e;
        }
    }

    /**
     * Starts listening on the main port (and the admin port, if separate).
     *
     * @return this app
     * @throws IllegalStateException if the app was already started or stopped
     */
    public Mainstay start() {
        lifecycle.start();
        LOG.info(
                "Mainstay started: {} (profile {}, {} threads, {})",
                url(server.host(), port()),
                profile.id(),
                Lifecycle.threadKind(server),
                adminDescription());
        return this;
    }

    /**
     * A URL a person can click: a wildcard address ({@code 0.0.0.0}, {@code ::}) means every interface,
     * and of those {@code localhost} is the one that works on the machine reading the log.
     */
    static String url(String host, int port) {
        String shown = host;
        if (host.isEmpty() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            shown = "localhost";
        } else if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            shown = "[" + host + "]"; // an IPv6 literal needs brackets in a URL
        }
        return "http://" + shown + ":" + port;
    }

    private String adminDescription() {
        return admin == null
                ? "health and metrics on the main port"
                : "health and metrics on admin port " + adminPort();
    }

    /**
     * Returns the port the main server listens on; the real one when {@code http.port} is 0.
     *
     * @return the bound port, once started
     */
    public int port() {
        return javalin.port();
    }

    /**
     * Returns the port of health and metrics: the admin port if separate, else {@link #port()}.
     *
     * @return the port that serves {@code /health/*} and {@code /metrics}
     */
    public int adminPort() {
        return admin == null ? port() : admin.port();
    }

    /**
     * Stops gracefully: readiness answers 503 at once, after {@code shutdown.delay} (default 0) the
     * server stops accepting, in-flight requests
     * drain for up to {@code shutdown.timeout}, then managed resources close in reverse order of
     * registration. Idempotent; never throws.
     */
    public void stop() {
        lifecycle.stop(server.shutdownDelay(), server.shutdownTimeout());
    }

    /** Same as {@link #stop()}, so an app can live in try-with-resources. */
    @Override
    public void close() {
        stop();
    }

    /**
     * Returns the underlying Javalin app, for what Mainstay does not wrap.
     *
     * @return the main server's Javalin instance
     */
    public Javalin javalin() {
        return javalin;
    }

    /**
     * The Prometheus registry behind {@code /metrics}; every meter on it carries the {@code application} tag.
     *
     * @return the app's registry, for meters of the application's own
     */
    public MeterRegistry meterRegistry() {
        return metrics.registry();
    }

    /**
     * Returns the app's JSON mapper; thread-safe for reading and writing values.
     *
     * @return the mapper that reads request bodies and writes responses, with the app's limits
     */
    public ObjectMapper json() {
        return setup.json();
    }

    /**
     * Returns the id of the request {@code ctx} belongs to (the echoed {@code X-Request-Id}).
     *
     * @param ctx a request of a Mainstay app
     * @return the caller's {@code X-Request-Id} when it was acceptable, else a generated one
     */
    public static String requestId(Context ctx) {
        return RequestIds.of(ctx);
    }

    /**
     * Returns the W3C trace id of the request {@code ctx} belongs to: the caller's, from a valid
     * {@code traceparent}, or a fresh one; 32 lower-case hex digits, also in the MDC as {@code traceId}.
     * Under the OpenTelemetry Java agent it is the trace id of the agent's server span.
     *
     * @param ctx a request of a Mainstay app
     * @return the trace id, 32 lower-case hex digits
     */
    public static String traceId(Context ctx) {
        return RequestIds.traceIdOf(ctx);
    }

    private static ServerConfig readServerConfig(Config config, List<ConfigProblem> problems) {
        // bind() throws on the first bad section; keep core's section (defaults where invalid) and
        // its problems, so the app's setup still runs and its own problems are reported too.
        ServerConfig[] read = new ServerConfig[1];
        try {
            config.bind(reader -> read[0] = ServerConfig.from(reader));
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        return read[0];
    }

    private static void abandon(Setup setup, Metrics metrics) {
        setup.resources.closeAll();
        setup.health.close();
        metrics.close();
    }
}
