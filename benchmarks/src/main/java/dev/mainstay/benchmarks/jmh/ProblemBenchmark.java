package dev.mainstay.benchmarks.jmh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mainstay.core.Mainstay;
import dev.mainstay.core.problem.FieldError;
import dev.mainstay.core.problem.Problem;
import dev.mainstay.core.problem.ProblemException;
import io.javalin.http.BadRequestResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The problem+json error path without the network: a handler throws a 422 {@link Problem} from some
 * frames deep, it is caught, and its RFC 9457 body is written by the app's mapper, the way core's
 * default writer lays it out. The control throws Javalin's own {@link BadRequestResponse} and writes
 * Javalin's default error body with a plain mapper.
 *
 * <p>{@code stacklessProblem} shows what the same path costs when the exception skips
 * {@code fillInStackTrace}: problems are expected outcomes that core never logs with a stack trace.
 * The end-to-end error path (router, handlers, headers, access log) is the {@code error} scenario of
 * the load harness.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ProblemBenchmark {
    /** Frames between the handler that throws and the catch: about what Jetty and Javalin put there. */
    @Param({"80"})
    int depth;

    private Mainstay app;
    private ObjectMapper mainstayMapper;
    private ObjectMapper plainMapper;

    /** Takes the mapper of a Mainstay app that is built but not started. */
    @Setup
    public void setUp() {
        app = InProcess.app();
        mainstayMapper = app.json();
        plainMapper = new ObjectMapper();
    }

    /** Stops what the app holds. */
    @TearDown
    public void tearDown() {
        app.stop();
    }

    /** Throw a Mainstay problem, catch it, write its problem+json body. */
    @Benchmark
    public byte[] problem() throws JsonProcessingException {
        try {
            throwAt(depth, false);
            throw new AssertionError("unreachable");
        } catch (ProblemException e) {
            return mainstayMapper.writeValueAsBytes(body(e.problem()));
        }
    }

    /** As {@link #problem()}, with an exception that does not record its stack trace. */
    @Benchmark
    public byte[] stacklessProblem() throws JsonProcessingException {
        try {
            throwAt(depth, true);
            throw new AssertionError("unreachable");
        } catch (ProblemException e) {
            return mainstayMapper.writeValueAsBytes(body(e.problem()));
        }
    }

    /** The control: bare Javalin's 400 exception and its default JSON body. */
    @Benchmark
    public byte[] javalinError() throws JsonProcessingException {
        try {
            throwJavalinAt(depth);
            throw new AssertionError("unreachable");
        } catch (BadRequestResponse e) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("title", e.getMessage());
            body.put("status", e.getStatus());
            body.put("type", "https://javalin.io/documentation#badrequestresponse");
            body.put("details", e.getDetails());
            return plainMapper.writeValueAsBytes(body);
        }
    }

    private static void throwAt(int frames, boolean stackless) {
        if (frames > 0) {
            throwAt(frames - 1, stackless);
            return;
        }
        Problem problem = Problem.validation(List.of(new FieldError("?limit", "must be from 1 to 100")));
        throw stackless ? new Stackless(problem) : problem.toException();
    }

    private static void throwJavalinAt(int frames) {
        if (frames > 0) {
            throwJavalinAt(frames - 1);
            return;
        }
        throw new BadRequestResponse("Invalid limit");
    }

    /** The fields and order of core's default writer ({@code ProblemWriter.rfc9457()}). */
    private static Map<String, Object> body(Problem problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type());
        body.put("title", problem.title());
        body.put("status", problem.status());
        if (problem.detail() != null) {
            body.put("detail", problem.detail());
        }
        body.put("instance", "/items");
        body.put("requestId", "9f2c1d0a7b3e4f51");
        if (!problem.errors().isEmpty()) {
            body.put("errors", problem.errors());
        }
        return body;
    }

    /** A problem exception that skips the stack walk, as core could make its own. */
    private static final class Stackless extends ProblemException {
        private static final long serialVersionUID = 1L;

        Stackless(Problem problem) {
            super(problem);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
