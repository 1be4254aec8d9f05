package dev.mainstay.core;

import static org.junit.jupiter.api.Assertions.fail;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/** Test support: records the events of one logger, so tests can assert on what was logged. */
final class CapturedLogs extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();
    private final Logger logger;

    private CapturedLogs(String name) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        logger = context.getLogger(name);
        setContext(context);
        start();
        logger.addAppender(this);
    }

    static CapturedLogs of(String loggerName) {
        return new CapturedLogs(loggerName);
    }

    static CapturedLogs of(Class<?> type) {
        return new CapturedLogs(type.getName());
    }

    @Override
    protected void append(ILoggingEvent event) {
        event.prepareForDeferredProcessing();
        events.add(event);
    }

    List<ILoggingEvent> events() {
        return List.copyOf(events);
    }

    /** Waits up to 5 s for a matching event: some lines are written just after the response. */
    ILoggingEvent await(Predicate<ILoggingEvent> matching) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            for (ILoggingEvent event : events) {
                if (matching.test(event)) {
                    return event;
                }
            }
            Thread.sleep(10);
        }
        return fail("No matching log event; got "
                + events.stream().map(ILoggingEvent::getFormattedMessage).toList());
    }

    @Override
    public void close() {
        logger.detachAppender(this);
        stop();
    }
}
