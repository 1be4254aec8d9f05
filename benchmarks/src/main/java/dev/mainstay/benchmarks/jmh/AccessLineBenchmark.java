package dev.mainstay.benchmarks.jmh;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import dev.mainstay.core.Mainstay;
import dev.mainstay.core.config.Config;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.logstash.logback.encoder.StreamingEncoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/**
 * One access-log line as the log flusher writes it in production: the JSON encoder that Mainstay
 * installs for {@code log.format=json} (taken from the running Logback configuration, not rebuilt here),
 * and an event shaped like core's access line (message, four key-value pairs, request and trace id in
 * the MDC). Under load the flusher does this once per request, so its score is part of every request's
 * CPU cost.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AccessLineBenchmark {
    private Encoder<ILoggingEvent> encoder;
    private StreamingEncoder<ILoggingEvent> streamingEncoder;
    private ILoggingEvent event;
    private OutputStream sink;

    /** Installs Mainstay's logging with the JSON format and builds one access event. */
    @Setup
    @SuppressWarnings("unchecked")
    public void setUp() {
        Mainstay.create(
                Config.of(Map.of("profile", "test", "http.port", "0", "log.format", "json", "app.name", "bench")),
                app -> {});
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        var appenders = root.iteratorForAppenders();
        encoder = ((OutputStreamAppender<ILoggingEvent>) appenders.next()).getEncoder();
        streamingEncoder = (StreamingEncoder<ILoggingEvent>) encoder;
        event = accessEvent(context);
        sink = new Sink();
    }

    private static ILoggingEvent accessEvent(LoggerContext context) {
        LoggingEvent line = new LoggingEvent();
        line.setLoggerContext(context);
        line.setLoggerName("dev.mainstay.access");
        line.setLevel(Level.INFO);
        line.setThreadName("JettyServerThreadPool-31");
        line.setTimeStamp(System.currentTimeMillis());
        line.setMessage("GET /json 200 0ms");
        line.addKeyValuePair(new KeyValuePair("method", "GET"));
        line.addKeyValuePair(new KeyValuePair("uri", "/json"));
        line.addKeyValuePair(new KeyValuePair("status", 200));
        line.addKeyValuePair(new KeyValuePair("durationMs", 0L));
        line.setMDCPropertyMap(Map.of("requestId", "3f9a1c0b7d2e4a65", "traceId", "4bf92f3577b34da6a3ce929d0e0e4736"));
        line.prepareForDeferredProcessing();
        return line;
    }

    /**
     * Encodes into a new array, then copies it: what a plain appender does, and what core's flusher did
     * before BENCHMARKS.md round 6.
     */
    @Benchmark
    public void toArray() throws IOException {
        sink.write(encoder.encode(event));
    }

    /** Encodes straight into the console buffer through the encoder's streaming interface, as core's flusher does. */
    @Benchmark
    public void streaming() throws IOException {
        streamingEncoder.encode(event, sink);
    }

    /** Counts what it is given and keeps nothing, as a console buffer that is emptied would. */
    private static final class Sink extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] data, int offset, int length) {
            bytes += length;
        }
    }
}
