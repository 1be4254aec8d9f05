package dev.mainstay.benchmarks.jmh;

import dev.mainstay.security.config.HeadersConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpGenerator;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.http.PreEncodedHttpField;
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

/**
 * The header block of a {@code GET /json} answer in {@code prod}, built and written by Jetty's own HTTP/1.1
 * generator: the security headers that mainstay-security adds to every response, set the two ways a handler
 * can set them. {@code asText} puts each as a name and a value, as {@code ctx.header(name, value)} does, so
 * Jetty looks the name up, and writes it and the value a character at a time, checking each. {@code
 * preEncoded} puts the {@link PreEncodedHttpField}s that core's {@code FixedHeaders} builds once at
 * start-up, which Jetty copies as blocks. Both add the same per-response headers as the real answer (type,
 * length, request id, traceparent); {@code without} writes only those, so that subtracting it leaves the
 * security headers' own cost.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ResponseHeadersBenchmark {
    /** The security headers of a safe method in prod (HSTS on, its default max-age), as name and value. */
    private static final List<String[]> SECURITY_HEADERS = List.of(
            new String[] {"X-Content-Type-Options", "nosniff"},
            new String[] {"Referrer-Policy", "no-referrer"},
            new String[] {"Content-Security-Policy", HeadersConfig.API_POLICY},
            new String[] {"X-Frame-Options", "DENY"},
            new String[] {"Strict-Transport-Security", "max-age=31536000"});

    private final HttpGenerator generator = new HttpGenerator();
    private final ByteBuffer block = ByteBuffer.allocate(4096);
    private List<HttpField> preEncoded;

    /** Encodes the security headers once, as {@code FixedHeaders.of} does. */
    @Setup
    public void encodeOnce() {
        preEncoded = SECURITY_HEADERS.stream()
                .map(header -> {
                    HttpHeader known = HttpHeader.CACHE.get(header[0]);
                    return (HttpField) (known != null && known.is(header[0])
                            ? new PreEncodedHttpField(known, header[0], header[1])
                            : new PreEncodedHttpField(header[0], header[1]));
                })
                .toList();
    }

    /** The security headers put as text, then the block written. */
    @Benchmark
    public int asText() throws IOException {
        HttpFields.Mutable fields = HttpFields.build();
        for (String[] header : SECURITY_HEADERS) {
            fields.put(header[0], header[1]);
        }
        return write(fields);
    }

    /** The security headers put pre-encoded, then the block written. */
    @Benchmark
    public int preEncoded() throws IOException {
        HttpFields.Mutable fields = HttpFields.build();
        for (HttpField field : preEncoded) {
            fields.put(field);
        }
        return write(fields);
    }

    /** No security headers at all: what the rest of the block costs, to subtract from the two above. */
    @Benchmark
    public int without() throws IOException {
        return write(HttpFields.build());
    }

    /** Adds what every answer of this route carries besides, and writes the whole header block. */
    private int write(HttpFields.Mutable fields) throws IOException {
        fields.put("X-Request-Id", "3f9a1c0b7d2e4a65");
        fields.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-3f9a1c0b7d2e4a65-01");
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        fields.put(HttpHeader.CONTENT_LENGTH, 27L);
        generator.reset();
        block.clear();
        generator.generateResponse(
                new MetaData.Response(200, null, HttpVersion.HTTP_1_1, fields, 27), false, block, null, null, false);
        return block.position();
    }
}
