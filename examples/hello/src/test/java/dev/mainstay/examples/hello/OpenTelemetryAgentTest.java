package dev.mainstay.examples.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mainstay.test.ChildJvm;
import dev.mainstay.test.TestClient;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs hello under the real OpenTelemetry Java agent (copied to target/otel by this module's pom) and checks
 * that Mainstay's ids are the agent's: the trace id and span id of the response's {@code traceparent}, the
 * trace id of a problem body, and the {@code traceId} and {@code requestId} of the JSON access log line are
 * those of the server span the agent exported, with and without an incoming {@code traceparent}; and the
 * agent's own {@code trace_id} and {@code span_id} in the same log line agree.
 *
 * <p>The agent exports with its {@code logging} exporter (one line per span on the child's output), and
 * the spans and the buffered log lines are read after a graceful stop, which flushes both.
 */
class OpenTelemetryAgentTest {
    private static final Path AGENT = Path.of("target", "otel", "opentelemetry-javaagent.jar");
    private static final Pattern STARTED = Pattern.compile("Mainstay started: http://localhost:(\\d+)");
    /** The logging exporter's line for a server span: {@code 'GET *' : <trace id> <span id> SERVER ...}. */
    private static final Pattern SERVER_SPAN = Pattern.compile(
            "LoggingSpanExporter - '[^']*' : ([0-9a-f]{32}) ([0-9a-f]{16}) SERVER .*url\\.path=(/[^,}]*)");
    private static final String CALLER_TRACE = "0af7651916cd43dd8448eb211c80319c";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** One request as Mainstay answered it: the ids of its {@code traceparent}. */
    private record Answer(String path, String traceId, String spanId, HttpResponse<String> response) {
        static Answer of(String path, HttpResponse<String> response) {
            String[] parts = response.headers().firstValue("traceparent").orElseThrow().split("-");
            return new Answer(path, parts[1], parts[2], response);
        }
    }

    @Test
    void mainstaysTraceAndSpanIdsAreThoseOfTheAgentsServerSpans() throws Exception {
        assertTrue(Files.isRegularFile(AGENT), "the pom copies the agent to " + AGENT.toAbsolutePath());
        ChildJvm hello = ChildJvm.start(
                Hello.class,
                List.of(
                        "-javaagent:" + AGENT.toAbsolutePath(),
                        "-Dotel.service.name=hello",
                        "-Dotel.traces.exporter=logging",
                        "-Dotel.metrics.exporter=none",
                        "-Dotel.logs.exporter=none"),
                Map.of("log.format", "json"),
                dir);
        List<Answer> answers = new ArrayList<>();
        ChildJvm.Exit exit;
        try {
            int port = Integer.parseInt(hello.awaitStdout(STARTED).group(1));
            TestClient client = TestClient.to(URI.create("http://localhost:" + port));
            answers.add(Answer.of("/hello", client.get("/hello?name=Ada")));
            String callerParent = "00-" + CALLER_TRACE + "-b7ad6b7169203331-01";
            answers.add(Answer.of("/hello", client.get("/hello?name=Bob", "traceparent", callerParent)));
            answers.add(Answer.of("/hello", client.get("/hello")));
        } finally {
            exit = hello.stop();
        }
        String output = exit.stdout() + exit.stderr();
        List<String> exported = new ArrayList<>();
        Matcher span = SERVER_SPAN.matcher(output);
        while (span.find()) {
            exported.add(span.group(3) + " " + span.group(1) + " " + span.group(2));
        }

        for (Answer answer : answers) {
            assertTrue(
                    exported.contains(answer.path() + " " + answer.traceId() + " " + answer.spanId()),
                    "traceparent " + answer.traceId() + "-" + answer.spanId() + " is an exported server span: "
                            + exported + "\n" + exit.describe());
            JsonNode access = accessLine(exit.stdout(), answer.spanId());
            assertEquals(answer.traceId(), access.path("traceId").asText(), access.toString());
            // The agent's own MDC injection (into Logback events) writes its ids beside Mainstay's.
            assertEquals(answer.traceId(), access.path("trace_id").asText(), access.toString());
            assertEquals(answer.spanId(), access.path("span_id").asText(), access.toString());
        }
        assertEquals(CALLER_TRACE, answers.get(1).traceId(), "the agent continued the caller's trace");
        assertNotEquals("b7ad6b7169203331", answers.get(1).spanId(), "the server span is a child of the caller's");
        HttpResponse<String> problem = answers.get(2).response();
        assertEquals(422, problem.statusCode());
        assertEquals(answers.get(2).traceId(), JSON.readTree(problem.body()).path("traceId").asText(), problem.body());
    }

    /** The access log line of the request whose request id is {@code requestId} (the span id, as none was sent). */
    private static JsonNode accessLine(String stdout, String requestId) throws Exception {
        for (String line : stdout.lines().filter(l -> l.startsWith("{")).toList()) {
            JsonNode event = JSON.readTree(line);
            if (event.path("logger_name").asText().equals("dev.mainstay.access")
                    && event.path("requestId").asText().equals(requestId)) {
                return event;
            }
        }
        throw new AssertionError("no access log line with requestId " + requestId + " in:\n" + stdout);
    }
}
