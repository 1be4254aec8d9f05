package dev.mainstay.security.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Records every log event from DEBUG up while open, for tests that inspect what was logged. */
final class LogCapture implements AutoCloseable {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Level previous = root.getLevel();
    private final Logger jetty = (Logger) LoggerFactory.getLogger("org.eclipse.jetty");
    private final Level jettyPrevious = jetty.getLevel();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    LogCapture() {
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.DEBUG);
        jetty.setLevel(Level.INFO); // Jetty's debug output is about sockets, and large
    }

    /** Returns every event as its formatted message plus its exception's text, if any. */
    List<String> lines() {
        List<ILoggingEvent> events;
        synchronized (appender) { // the lock ListAppender appends under: a server thread may still be logging
            events = List.copyOf(appender.list);
        }
        return events.stream()
                .map(event -> event.getLoggerName() + " " + event.getFormattedMessage()
                        + (event.getThrowableProxy() == null
                                ? ""
                                : " " + event.getThrowableProxy().getMessage()))
                .toList();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        root.setLevel(previous);
        jetty.setLevel(jettyPrevious);
    }
}
