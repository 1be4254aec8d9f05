package dev.mainstay.test;

import ch.qos.logback.classic.Level;
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
 * Holds back every log event while open, so a passing test is silent, a failing one shows what the
 * app logged ({@link #printTo}), and a test can assert on the logs ({@link #lines}).
 *
 * <pre>{@code
 * try (LogCapture logs = LogCapture.open(Level.DEBUG)) {
 *     client.post("/login", Map.of("password", secret));
 *     assertTrue(logs.lines().stream().noneMatch(line -> line.contains(secret)));
 * }
 * }</pre>
 *
 * <p>While any capture is open, the root logger's own appenders are detached (and put back when the last
 * one closes). It needs Logback as the SLF4J backend, which mainstay-core brings; with another backend it
 * captures nothing. Thread-safe: the app's threads append while the test reads.
 */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{24} %X{requestId} - %msg%n%ex";
    private static final Object LOCK = new Object();
    private static final List<Appender<ILoggingEvent>> detached = new ArrayList<>();
    private static int open;

    private final ConcurrentLinkedQueue<ILoggingEvent> events = new ConcurrentLinkedQueue<>();
    private final Logger root;
    private final Level previousRoot;
    private final Level previousJetty;

    private LogCapture(Logger root, Level previousRoot, Level previousJetty) {
        this.root = root;
        this.previousRoot = previousRoot;
        this.previousJetty = previousJetty;
    }

    /**
     * Starts capturing at the levels the logging config sets; close it to stop.
     *
     * @return the open capture; while any capture is open, the root logger's own appenders are detached
     */
    public static LogCapture open() {
        return open(null);
    }

    /**
     * Starts capturing from {@code level} up on the root logger, e.g. {@code DEBUG} to prove that not
     * even debug output leaks a secret; the previous level is restored on {@link #close}. Jetty stays at
     * {@code INFO} at most: its debug output is about sockets, and large.
     *
     * @param level the root level while open, or {@code null} to keep the configured one
     * @return the open capture; captures nothing when Logback is not the SLF4J binding
     */
    public static LogCapture open(org.slf4j.event.Level level) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return new LogCapture(null, null, null);
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger jetty = context.getLogger("org.eclipse.jetty");
        LogCapture capture = new LogCapture(root, root.getLevel(), jetty.getLevel());
        if (level != null) {
            root.setLevel(Level.toLevel(level.name()));
            if (!jetty.getEffectiveLevel().isGreaterOrEqual(Level.INFO)) {
                jetty.setLevel(Level.INFO);
            }
        }
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

    /** Keeps {@code event}; Logback calls this. */
    @Override
    protected void append(ILoggingEvent event) {
        event.prepareForDeferredProcessing(); // freeze the MDC and message of the logging thread
        events.add(event);
    }

    /**
     * Returns the lines captured so far, formatted as {@code time level [thread] logger requestId -
     * message}, each followed by its exception's stack trace, if any.
     *
     * @return the lines, in the order they were logged; each ends with a line separator
     */
    public List<String> lines() {
        PatternLayout layout = new PatternLayout();
        layout.setContext(getContext());
        layout.setPattern(PATTERN);
        layout.start();
        List<String> lines = new ArrayList<>();
        events.forEach(event -> lines.add(layout.doLayout(event)));
        return lines;
    }

    /**
     * Returns how many events were captured so far; a mark for {@link #printTo(PrintStream, int)}.
     *
     * @return the number of events
     */
    public int size() {
        return events.size();
    }

    /**
     * Prints every captured line to {@code out} between two banner lines; what a failed test shows.
     *
     * @param out where to print, usually {@code System.out}
     */
    public void printTo(PrintStream out) {
        printTo(out, 0);
    }

    /**
     * Prints the lines captured after the first {@code from} events (see {@link #size()}) to {@code out}.
     *
     * @param out where to print, usually {@code System.out}
     * @param from how many events to leave out, e.g. the {@link #size()} before the test began
     */
    public void printTo(PrintStream out, int from) {
        List<String> lines = lines();
        List<String> shown = lines.subList(Math.min(from, lines.size()), lines.size());
        out.println("---- logs of the failed test (" + shown.size() + " events) ----");
        shown.forEach(out::print);
        out.println("---- end of logs ----");
        out.flush();
    }

    /** Stops capturing and restores the root logger's appenders and levels; idempotent per capture. */
    @Override
    public void close() {
        if (root == null || !isStarted()) {
            return;
        }
        root.setLevel(previousRoot);
        root.getLoggerContext().getLogger("org.eclipse.jetty").setLevel(previousJetty);
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
