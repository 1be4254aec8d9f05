package dev.mainstay.core;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A console appender that writes in batches: lines collect in a buffer that is flushed every
 * {@value #FLUSH_INTERVAL_MS} ms, when it is full, at once for WARN and ERROR, and on stop.
 *
 * <p>Why: {@code System.out} flushes on every write, so a plain console appender costs one system
 * call per access-log line, which was the largest cost of the request path in our measurements. A
 * worker thread ({@code AsyncAppender}) cost even more on small machines: it is woken per line.
 * The price is that an INFO line may appear up to {@value #FLUSH_INTERVAL_MS} ms late, and is lost
 * if the JVM is killed hard; trouble (WARN and above) is never delayed.
 */
final class BufferedConsoleAppender extends OutputStreamAppender<ILoggingEvent> {
    static final long FLUSH_INTERVAL_MS = 200;
    private static final int BUFFER_SIZE = 32 * 1024;

    private ScheduledExecutorService flusher;

    @Override
    public void start() {
        setImmediateFlush(false);
        setOutputStream(new BufferedOutputStream(new CurrentSystemOut(), BUFFER_SIZE));
        super.start();
        flusher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "mainstay-log-flush");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(this::flush, FLUSH_INTERVAL_MS, FLUSH_INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void subAppend(ILoggingEvent event) {
        super.subAppend(event);
        if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
            flush();
        }
    }

    void flush() {
        streamWriteLock.lock();
        try {
            getOutputStream().flush();
        } catch (IOException e) {
            addError("Could not flush the console", e);
        } finally {
            streamWriteLock.unlock();
        }
    }

    @Override
    public void stop() {
        if (flusher != null) {
            flusher.shutdownNow();
        }
        if (isStarted()) {
            flush();
        }
        super.stop();
    }

    /** Writes to whatever {@code System.out} is at the time, so redirecting it keeps working. */
    private static final class CurrentSystemOut extends OutputStream {
        @Override
        public void write(int b) {
            System.out.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            System.out.write(bytes, offset, length);
        }

        @Override
        public void flush() {
            System.out.flush();
        }

        @Override
        public void close() {
            System.out.flush(); // never close the process's stdout
        }
    }
}
