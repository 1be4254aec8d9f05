package dev.mainstay.core.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.LoggerFactory;

/**
 * Holds back every log event during a test, so a passing test is silent and a failing one shows
 * what the app logged. While any capture is open, the root logger's own appenders are detached.
 */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{24} %X{requestId} - %msg%n%ex";
    private static final Object LOCK = new Object();
    private static final List<Appender<ILoggingEvent>> detached = new ArrayList<>();
    private static int open;

    private final ConcurrentLinkedQueue<ILoggingEvent> events = new ConcurrentLinkedQueue<>();
    private final Logger root;

    private LogCapture(Logger root) {
        this.root = root;
    }

    /** Starts capturing; does nothing useful (but works) when Logback is not the SLF4J backend. */
    static LogCapture open() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return new LogCapture(null);
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        LogCapture capture = new LogCapture(root);
        capture.setContext(context);
        capture.setName("mainstay-test-capture");
        capture.start();
        synchronized (LOCK) {
            if (open++ == 0) {
                for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
                    detached.add(it.next());
                }
                detached.forEach(root::detachAppender);
            }
            root.addAppender(capture);
        }
        return capture;
    }

    @Override
    protected void append(ILoggingEvent event) {
        event.prepareForDeferredProcessing(); // freeze the MDC and message of the logging thread
        events.add(event);
    }

    /** Returns the formatted lines captured so far. */
    List<String> lines() {
        PatternLayout layout = new PatternLayout();
        layout.setContext(getContext());
        layout.setPattern(PATTERN);
        layout.start();
        List<String> lines = new ArrayList<>();
        events.forEach(event -> lines.add(layout.doLayout(event)));
        return lines;
    }

    void printTo(PrintStream out) {
        out.println("---- logs of the failed test (" + events.size() + " events) ----");
        lines().forEach(out::print);
        out.println("---- end of logs ----");
        out.flush();
    }

    @Override
    public void close() {
        if (root == null) {
            return;
        }
        synchronized (LOCK) {
            root.detachAppender(this);
            if (--open == 0) {
                detached.forEach(root::addAppender);
                detached.clear();
            }
        }
        stop();
    }
}
