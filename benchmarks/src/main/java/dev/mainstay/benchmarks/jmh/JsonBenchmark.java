package dev.mainstay.benchmarks.jmh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.mainstay.core.Mainstay;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Writing a typical response (a RealWorld-style page of articles, with nested authors, tag lists and
 * timestamps) through the mapper of a Mainstay app and through a plain Jackson mapper that produces the
 * same text. Mainstay's mapper adds read limits and a tolerant reader, which cost nothing on writes; this
 * benchmark proves that.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class JsonBenchmark {
    /** Articles in the page: 1 is a single-resource answer, 20 a list page. */
    @Param({"1", "20"})
    int articles;

    private Mainstay app;
    private ObjectMapper mainstayMapper;
    private ObjectMapper plainMapper;
    private Object response;

    /** Builds (does not start) a Mainstay app to take its mapper, and the response to write. */
    @Setup
    public void setUp() throws JsonProcessingException {
        app = InProcess.app();
        mainstayMapper = app.json();
        plainMapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        response = SampleResponses.articlePage(articles);
        String a = mainstayMapper.writeValueAsString(response);
        String b = plainMapper.writeValueAsString(response);
        if (!a.equals(b)) {
            throw new IllegalStateException("The two mappers write different JSON:\n" + a + "\n" + b);
        }
    }

    /** Stops what the app holds (metrics binders). */
    @TearDown
    public void tearDown() {
        app.stop();
    }

    /** The response through the mapper Mainstay gives every app. */
    @Benchmark
    public byte[] mainstayMapper() throws JsonProcessingException {
        return mainstayMapper.writeValueAsBytes(response);
    }

    /** The control: a plain mapper with only the java.time module. */
    @Benchmark
    public byte[] plainMapper() throws JsonProcessingException {
        return plainMapper.writeValueAsBytes(response);
    }
}
