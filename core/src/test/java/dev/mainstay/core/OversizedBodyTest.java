package dev.mainstay.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mainstay.core.config.Config;
import dev.mainstay.core.problem.Problem;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client that is still sending a body the server refuses must read the refusal, not a reset: the
 * server reads the rest of the body (within bounds) before it answers. Each test writes the whole body
 * before reading, as curl, browsers and {@code java.net.http.HttpClient} do. The raw sockets have a small
 * send buffer, so most of the body can only leave the client if the server reads it: a server that closes
 * instead makes the write fail with a broken pipe every time, not only when the timing is unlucky.
 */
class OversizedBodyTest {
    /** {@code http.max-body-size}, left at its default as in a generated service. */
    private static final int LIMIT = (int) ServerConfig.DEFAULT_MAX_BODY_SIZE;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Mainstay app;

    @BeforeAll
    static void start() {
        app = Mainstay.create(
                        Config.of(Map.of("http.port", "0", "profile", "test")),
                        setup -> setup.javalin(cfg -> {
                            cfg.routes.post("/json", ctx -> ctx.json(Json.body(ctx, Map.class)));
                            cfg.routes.post("/bytes", ctx -> ctx.result(ctx.bodyAsBytes()));
                            cfg.routes.post("/refused", ctx -> {
                                throw Problem.of(403, "Forbidden").toException();
                            });
                        }))
                .start();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static byte[] jsonOfSize(int size) {
        String prefix = "{\"text\":\"";
        String suffix = "\"}";
        return (prefix + "a".repeat(size - prefix.length() - suffix.length()) + suffix).getBytes(StandardCharsets.US_ASCII);
    }

    /** Writes the head and then {@code body} in small pieces, flushing each, and returns the whole response. */
    private static String send(String head, byte[] body) throws Exception {
        try (Socket socket = new Socket()) {
            socket.setSendBufferSize(16 * 1024);
            socket.connect(new InetSocketAddress("localhost", app.port()));
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            for (int i = 0; i < body.length; i += 8192) {
                out.write(body, i, Math.min(8192, body.length - i));
                out.flush();
            }
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String post(String path, byte[] body) throws Exception {
        return send(
                "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length + "\r\nConnection: close\r\n\r\n",
                body);
    }

    private static JsonNode assertProblem(int status, String response) throws Exception {
        assertTrue(response.startsWith("HTTP/1.1 " + status + " "), response);
        JsonNode problem = JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
        assertEquals(status, problem.path("status").asInt(), response);
        return problem;
    }

    @Test
    void aClientWritingAnOversizedBodyReadsThe413() throws Exception {
        JsonNode problem = assertProblem(413, post("/json", jsonOfSize(3 * LIMIT)));

        assertEquals("The request body is larger than the limit of " + LIMIT + " bytes.", problem.path("detail").asText());
    }

    @Test
    void javalinsOwn413IsReadableToo() throws Exception {
        assertProblem(413, post("/bytes", jsonOfSize(3 * LIMIT)));
    }

    @Test
    void aChunkedOversizedBodyGetsA413() throws Exception {
        byte[] body = jsonOfSize(2 * LIMIT);
        ByteArrayOutputStream chunked = new ByteArrayOutputStream();
        for (int i = 0; i < body.length; i += 4096) {
            int length = Math.min(4096, body.length - i);
            chunked.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            chunked.write(body, i, length);
            chunked.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        chunked.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        String response = send(
                "POST /bytes HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
                chunked.toByteArray());

        assertProblem(413, response);
    }

    @Test
    void anEarlyRefusalOfABodyWithinTheLimitIsReadable() throws Exception {
        assertProblem(403, post("/refused", jsonOfSize(LIMIT)));
    }

    @Test
    void theJavaHttpClientReadsThe413() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/json"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(jsonOfSize(3 * LIMIT)))
                .build();

        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(413, response.statusCode(), response.body());
        assertEquals(413, JSON.readTree(response.body()).path("status").asInt(), response.body());
    }
}
