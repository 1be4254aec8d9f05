package dev.mainstay.core;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.logstash.logback.encoder.StreamingEncoder;

/**
 * A console appender that writes in batches: INFO and lower lines wait in a queue and are encoded and
 * written every {@value #FLUSH_INTERVAL_MS} ms by one background thread; WARN and ERROR are written at
 * once by the thread that logs them, after everything queued before them, and everything left is
 * written on stop.
 *
 * <p>Why: {@code System.out} flushes on every write, so a plain console appender costs one system
 * call per access-log line, which was the largest cost of the request path in our measurements. A
 * worker woken per line ({@code AsyncAppender}) cost even more on small machines; this one wakes on a
 * timer only. Encoding off the request thread matters too: the JSON encoder keeps its buffers per
 * thread, which is free on a pooled thread but means building them afresh for every request on a
 * virtual thread (about a hundred microseconds a line); here one background thread reuses them.
 *
 * <p>The price is that an INFO line may appear up to {@value #FLUSH_INTERVAL_MS} ms late, and is lost
 * if the JVM is killed hard; trouble (WARN and above) is never delayed. Memory stays bounded: past
 * {@value #MAX_QUEUED} waiting lines, the logging thread writes the backlog itself.
 *
 * <p>Why {@value #FLUSH_INTERVAL_MS} ms, not longer: a waiting line is live data to the garbage
 * collector. At 40,000 requests a second a young collection came every 50 ms or so; with 200 ms every
 * line was copied by several of them, and the queue passed {@value #MAX_QUEUED} lines, so request
 * threads wrote the backlog themselves. At 20 ms the GC threads' CPU per request halved and the
 * backlog path stays unused (BENCHMARKS.md, round 3); a write per 20 ms is still batched.
 */
final class BufferedConsoleAppender extends OutputStreamAppender<ILoggingEvent> {
    static final long FLUSH_INTERVAL_MS = 20;
    static final int MAX_QUEUED = 8192;
    private static final int BUFFER_SIZE = 32 * 1024;

    private final ConcurrentLinkedQueue<ILoggingEvent> queued = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queuedCount = new AtomicInteger();
    private ScheduledExecutorService flusher;
    /** The encoder, when it can write into the console buffer itself; null for one that returns arrays. */
    private StreamingEncoder<ILoggingEvent> streaming;

    @Override
    @SuppressWarnings("unchecked") // a StreamingEncoder set as this appender's encoder encodes its events
    public void start() {
        streaming = encoder instanceof StreamingEncoder<?> direct ? (StreamingEncoder<ILoggingEvent>) direct : null;
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
        if (!isStarted()) {
            return;
        }
        // Freezes what belongs to the logging thread (MDC, thread name, message) before the event waits.
        event.prepareForDeferredProcessing();
        boolean urgent = event.getLevel().isGreaterOrEqual(Level.WARN);
        if (!urgent && queuedCount.get() < MAX_QUEUED) {
            queued.offer(event);
            queuedCount.incrementAndGet();
            return;
        }
        streamWriteLock.lock();
        try {
            writeQueued();
            write(event);
            if (urgent) {
                getOutputStream().flush();
            }
        } catch (IOException e) {
            addError("Could not write to the console", e);
        } finally {
            streamWriteLock.unlock();
        }
    }

    /** Writes every queued line and flushes the console; the timer's task, and the last act of stop. */
    void flush() {
        streamWriteLock.lock();
        try {
            writeQueued();
            getOutputStream().flush();
        } catch (IOException e) {
            addError("Could not flush the console", e);
        } finally {
            streamWriteLock.unlock();
        }
    }

    /** Call with the stream lock held, so that queued lines keep their order against urgent ones. */
    private void writeQueued() throws IOException {
        ILoggingEvent event;
        while ((event = queued.poll()) != null) {
            queuedCount.decrementAndGet();
            write(event);
        }
    }

    private void write(ILoggingEvent event) throws IOException {
        if (streaming != null) {
            streaming.encode(event, getOutputStream()); // no array per line, no copy
            return;
        }
        byte[] bytes = encoder.encode(event);
        if (bytes != null) {
            getOutputStream().write(bytes);
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
