package dev.mainstay.core;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import org.slf4j.LoggerFactory;

/**
 * Mainstay's default Logback setup: one console appender behind an {@link AsyncAppender}, text or
 * JSON. Request threads only enqueue; a single worker formats and writes, so a slow terminal or
 * pipe does not slow requests down. The queue never drops events (back-pressure instead of loss).
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

    /** Applies {@code log.format} and {@code log.level}, if logging is Mainstay's (not the user's). */
    static void apply(ServerConfig server) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context && context.getObject(MARKER) != null) {
            install(context, server.logFormat(), server.logLevel());
        }
    }

    /** Writes out queued events; call before the JVM exits, or they may be lost with the async queue. */
    static void flush() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context && context.getObject(MARKER) != null) {
            context.stop();
        }
    }

    static synchronized void install(
            LoggerContext context, ServerConfig.LogFormat format, ServerConfig.LogLevel level) {
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(level.name()));
        if (format.equals(context.getObject(MARKER))) {
            return;
        }
        context.putObject(MARKER, format);
        var previous = root.getAppender(APPENDER);
        if (previous != null) {
            root.detachAppender(previous);
            previous.stop();
        }
        // Jetty's start-up chatter adds nothing to Mainstay's own start line.
        context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
        root.addAppender(async(context, console(context, encoder(context, format))));
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext context, ServerConfig.LogFormat format) {
        if (format == ServerConfig.LogFormat.JSON) {
            JsonEncoder json = new JsonEncoder();
            json.setContext(context);
            json.setWithContext(false);
            json.setWithSequenceNumber(false);
            json.setWithNanoseconds(false);
            json.setWithArguments(false);
            json.setWithMessage(false);
            json.setWithFormattedMessage(true);
            json.start();
            return json;
        }
        PatternLayoutEncoder text = new PatternLayoutEncoder();
        text.setContext(context);
        text.setPattern(TEXT_PATTERN);
        text.start();
        return text;
    }

    private static ConsoleAppender<ILoggingEvent> console(LoggerContext context, Encoder<ILoggingEvent> encoder) {
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("console");
        console.setEncoder(encoder);
        console.start();
        return console;
    }

    private static AsyncAppender async(LoggerContext context, ConsoleAppender<ILoggingEvent> console) {
        AsyncAppender async = new AsyncAppender();
        async.setContext(context);
        async.setName(APPENDER);
        async.setQueueSize(8192);
        async.setDiscardingThreshold(0);
        async.addAppender(console);
        async.start();
        return async;
    }
}
