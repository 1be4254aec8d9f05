package dev.mainstay.core;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.fieldnames.LogstashFieldNames;
import org.slf4j.LoggerFactory;

/**
 * Mainstay's default Logback setup: one console appender that writes in batches
 * ({@link BufferedConsoleAppender}), text or JSON, switched by {@code log.format}.
 *
 * <p>JSON is logstash-logback-encoder's {@code LogstashEncoder}: the Logstash schema that Loki, Elastic,
 * Datadog and Splunk read without a parser of their own. ISO-8601 {@code @timestamp} in UTC, MDC entries
 * ({@code requestId}, {@code traceId}) and SLF4J key-value pairs as top-level fields with their JSON
 * types, so a status is a number, and an {@code application} field naming the service. The encoder's
 * {@code @version} and {@code level_value} fields are left out: they carry nothing that {@code level}
 * does not.
 */
final class Logging {
    static final String MARKER = "mainstay.logging";
    static final String TEXT_PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{24} %X{requestId} - %msg%n";
    private static final String APPENDER = "MAINSTAY_CONSOLE";

    private Logging() {}

    static boolean userConfigurationPresent() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = Logging.class.getClassLoader();
        }
        return System.getProperty("logback.configurationFile") != null
                || loader.getResource("logback-test.xml") != null
                || loader.getResource("logback.xml") != null;
    }

    /** What the console appender was installed with; a change of either installs a new one. */
    private record Installed(ServerConfig.LogFormat format, String appName) {}

    /** Applies {@code log.format} and {@code log.level}, if logging is Mainstay's (not the user's). */
    static void apply(ServerConfig server) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context && context.getObject(MARKER) != null) {
            install(context, server.logFormat(), server.logLevel(), server.appName());
        }
    }

    /** Stops Mainstay's logging cleanly, flushing the console; the last thing before the JVM exits. */
    static void flush() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context && context.getObject(MARKER) != null) {
            context.stop();
        }
    }

    static synchronized void install(
            LoggerContext context, ServerConfig.LogFormat format, ServerConfig.LogLevel level, String appName) {
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(level.name()));
        Installed wanted = new Installed(format, appName);
        if (wanted.equals(context.getObject(MARKER))) {
            return;
        }
        context.putObject(MARKER, wanted);
        var previous = root.getAppender(APPENDER);
        if (previous != null) {
            root.detachAppender(previous);
            previous.stop();
        }
        // Jetty's start-up chatter adds nothing to Mainstay's own start line.
        context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
        root.addAppender(console(context, encoder(context, format, appName)));
    }

    private static Encoder<ILoggingEvent> encoder(
            LoggerContext context, ServerConfig.LogFormat format, String appName) {
        if (format == ServerConfig.LogFormat.JSON) {
            LogstashEncoder json = new LogstashEncoder();
            json.setContext(context);
            json.setTimeZone("UTC");
            json.setIncludeContext(false); // the context name and properties say nothing per line
            // Nor do these two: @version is always "1" and level_value repeats level. Without them a line
            // is about 35 bytes shorter and cheaper to encode (BENCHMARKS.md, round 6).
            json.getFieldNames().setVersion(LogstashFieldNames.IGNORE_FIELD_INDICATOR);
            json.getFieldNames().setLevelValue(LogstashFieldNames.IGNORE_FIELD_INDICATOR);
            // app.name is checked to be [A-Za-z0-9._-], so it needs no JSON escaping.
            json.setCustomFields("{\"application\":\"" + appName + "\"}");
            json.start();
            return json;
        }
        PatternLayoutEncoder text = new PatternLayoutEncoder();
        text.setContext(context);
        text.setPattern(TEXT_PATTERN);
        text.start();
        return text;
    }

    private static BufferedConsoleAppender console(LoggerContext context, Encoder<ILoggingEvent> encoder) {
        BufferedConsoleAppender console = new BufferedConsoleAppender();
        console.setContext(context);
        console.setName(APPENDER);
        console.setEncoder(encoder);
        console.start();
        return console;
    }
}
