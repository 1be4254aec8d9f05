package dev.mainstay.core;

import dev.mainstay.core.config.ConfigReader;
import dev.mainstay.core.config.Profile;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Core's typed config section: the HTTP server, the admin surface, logging, health and shutdown.
 *
 * <p>Built by {@link #from(ConfigReader)}, which never throws: bad values are recorded on the reader and
 * the defaults below are used, so that every problem of every section is reported at once.
 *
 * @param appName the service's name: the {@code application} tag of every meter and the
 *     {@code application} field of JSON log lines ({@code app.name})
 * @param host interface to listen on ({@code http.host})
 * @param port main port, {@code 0} for any free one ({@code http.port})
 * @param maxBodySize largest request body in bytes; larger ones get 413 ({@code http.max-body-size})
 * @param jsonMaxDepth deepest nesting of a JSON body ({@code http.json.max-depth})
 * @param jsonMaxStringLength longest string in a JSON body, in characters ({@code http.json.max-string-length})
 * @param virtualThreads handle requests on virtual threads when the JDK has them ({@code http.virtual-threads})
 * @param trustedProxies addresses or CIDR blocks of the reverse proxies whose forwarding header is
 *     believed, e.g. {@code 10.0.0.0/8}; empty believes none ({@code http.trusted-proxies})
 * @param forwardedHeader the header those proxies write the client's address into
 *     ({@code http.forwarded-header})
 * @param adminHost interface of the admin port ({@code admin.host})
 * @param adminPort separate port for health and metrics; empty serves them on the main port ({@code admin.port})
 * @param logFormat console log format ({@code log.format})
 * @param logLevel level of the root logger, when Mainstay configures logging ({@code log.level})
 * @param healthTimeout default time bound of one health check ({@code health.timeout})
 * @param shutdownDelay time between readiness turning 503 and the port closing, so that load balancers
 *     stop sending traffic first ({@code shutdown.delay})
 * @param shutdownTimeout longest wait for in-flight requests at stop ({@code shutdown.timeout})
 */
public record ServerConfig(
        String appName,
        String host,
        int port,
        long maxBodySize,
        int jsonMaxDepth,
        int jsonMaxStringLength,
        boolean virtualThreads,
        List<String> trustedProxies,
        ForwardedHeader forwardedHeader,
        String adminHost,
        OptionalInt adminPort,
        LogFormat logFormat,
        LogLevel logLevel,
        Duration healthTimeout,
        Duration shutdownDelay,
        Duration shutdownTimeout) {

    private static final Pattern APP_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** Default of {@code app.name}; set it, so that dashboards can tell services apart. */
    public static final String DEFAULT_APP_NAME = "mainstay-app";
    /** Default of {@code http.port}. */
    public static final int DEFAULT_PORT = 8080;
    /** Default of {@code http.max-body-size}: 1 MB. */
    public static final long DEFAULT_MAX_BODY_SIZE = 1024 * 1024;
    /** Default of {@code http.json.max-depth}: deep enough for any sane API, far below a stack overflow. */
    public static final int DEFAULT_JSON_MAX_DEPTH = 100;
    /** Default of {@code http.json.max-string-length}: 100k characters (Jackson's own limit is 20M). */
    public static final int DEFAULT_JSON_MAX_STRING_LENGTH = 100_000;
    /**
     * Default of {@code health.timeout}: one second, Kubernetes' default probe timeout, so that a slow
     * check is reported by the service as {@code DOWN} before the kubelet gives up on the probe, and a
     * database that vanished turns readiness 503 within about a second.
     */
    public static final Duration DEFAULT_HEALTH_TIMEOUT = Duration.ofSeconds(1);
    /** Default of {@code shutdown.timeout}. */
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

    /** How console log lines are written. */
    public enum LogFormat {
        /** One readable line per event; the default outside prod. */
        TEXT,
        /** One JSON object per line, in the Logstash schema (ISO-8601 {@code @timestamp}, typed fields); the default in prod. */
        JSON
    }

    /** Which header a trusted reverse proxy writes the client's address into. */
    public enum ForwardedHeader {
        /** {@code X-Forwarded-For: client, proxy1}: what nginx, HAProxy, Envoy and cloud load balancers write. */
        X_FORWARDED_FOR,
        /** {@code Forwarded: for=client, for=proxy1} (RFC 7239). */
        FORWARDED
    }

    /** Level of the root logger. */
    public enum LogLevel {
        /** Everything. */
        TRACE,
        /** Diagnostics. */
        DEBUG,
        /** Normal operation, the default. */
        INFO,
        /** Only trouble. */
        WARN,
        /** Only failures. */
        ERROR
    }

    /**
     * Reads the section; never throws, records every bad value on {@code r}.
     *
     * @param r the reader of the bind in progress (see {@code Config.bind})
     * @return the section, with defaults in place of missing or bad values
     */
    public static ServerConfig from(ConfigReader r) {
        String appName = r.string("app.name", DEFAULT_APP_NAME);
        if (!APP_NAME.matcher(appName).matches()) {
            r.problem(
                    "app.name",
                    appName,
                    "must be 1 to 64 letters, digits, '.', '_' or '-', e.g. orders-service; it names the service"
                            + " in metrics and logs");
            appName = DEFAULT_APP_NAME;
        }
        String host = r.string("http.host", "0.0.0.0");
        int port = r.integer("http.port", DEFAULT_PORT, 0, 65535);
        OptionalInt adminPort = r.optionalString("admin.port").isPresent()
                ? OptionalInt.of(r.integer("admin.port", 0, 0, 65535))
                : OptionalInt.empty();
        if (adminPort.isPresent() && adminPort.getAsInt() != 0 && adminPort.getAsInt() == port) {
            r.problem(
                    "admin.port",
                    String.valueOf(port),
                    "must differ from http.port; unset it to serve health and metrics on the main port");
        }
        List<String> trustedProxies = r.list("http.trusted-proxies", List.of());
        for (String proxy : trustedProxies) {
            String fix = TrustedProxies.problemWith(proxy);
            if (fix != null) {
                r.problem("http.trusted-proxies", proxy, fix);
            }
        }
        LogFormat defaultFormat = r.profile() == Profile.PROD ? LogFormat.JSON : LogFormat.TEXT;
        return new ServerConfig(
                appName,
                host,
                port,
                r.bytes("http.max-body-size", DEFAULT_MAX_BODY_SIZE, 1, Integer.MAX_VALUE),
                r.integer("http.json.max-depth", DEFAULT_JSON_MAX_DEPTH, 1, 10_000),
                r.integer("http.json.max-string-length", DEFAULT_JSON_MAX_STRING_LENGTH, 1, Integer.MAX_VALUE),
                r.bool("http.virtual-threads", true),
                trustedProxies,
                r.enumValue("http.forwarded-header", ForwardedHeader.class, ForwardedHeader.X_FORWARDED_FOR),
                r.string("admin.host", host),
                adminPort,
                r.enumValue("log.format", LogFormat.class, defaultFormat),
                r.enumValue("log.level", LogLevel.class, LogLevel.INFO),
                r.duration("health.timeout", DEFAULT_HEALTH_TIMEOUT, Duration.ofMillis(10), Duration.ofMinutes(1)),
                r.duration("shutdown.delay", Duration.ZERO, Duration.ZERO, Duration.ofMinutes(5)),
                r.duration("shutdown.timeout", DEFAULT_SHUTDOWN_TIMEOUT, Duration.ZERO, Duration.ofMinutes(10)));
    }

    /**
     * Copies the list of trusted proxies, so the record stays immutable. The values are taken as given:
     * validation happens in {@link #from(ConfigReader)}, so a test can build any combination.
     *
     * @param appName the service's name ({@code app.name})
     * @param host interface to listen on
     * @param port main port, {@code 0} for any free one
     * @param maxBodySize largest request body in bytes
     * @param jsonMaxDepth deepest nesting of a JSON body
     * @param jsonMaxStringLength longest string in a JSON body, in characters
     * @param virtualThreads handle requests on virtual threads when the JDK has them
     * @param trustedProxies addresses or CIDR blocks of the trusted reverse proxies; copied
     * @param forwardedHeader the header those proxies write the client's address into
     * @param adminHost interface of the admin port
     * @param adminPort separate port for health and metrics, or empty for the main port
     * @param logFormat console log format
     * @param logLevel level of the root logger
     * @param healthTimeout default time bound of one health check
     * @param shutdownDelay time between readiness turning 503 and the port closing
     * @param shutdownTimeout longest wait for in-flight requests at stop
     */
    public ServerConfig {
        trustedProxies = List.copyOf(trustedProxies);
    }

    /**
     * Tells whether health and metrics get a port of their own.
     *
     * @return {@code true} when {@code admin.port} is set
     */
    public boolean separateAdminPort() {
        return adminPort.isPresent();
    }
}
