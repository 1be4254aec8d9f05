package dev.mainstay.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.core.config.Config;
import dev.mainstay.core.problem.Problem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A handler that answers without reading the request body must not cost the client its connection.
 *
 * <p>Jetty reads what is left of a body after the answer, but only what has already arrived; if the rest is
 * still on its way it closes the connection, after an answer that announced none. A client that then sends
 * its next request on that connection gets "header parser received no bytes", and a POST is not retried. So
 * each test here sends the head, lets the server answer first if it would, and only then sends the body;
 * then it sends a second request on the same connection.
 */
class UnreadBodyKeepAliveTest {
    /** Long enough for a server that answers without the body to have answered. */
    private static final long BODY_DELAY_MILLIS = 200;

    private static Mainstay app;

    @BeforeAll
    static void start() {
        app = Mainstay.create(
                        Config.of(Map.of("http.port", "0", "profile", "test")),
                        setup -> setup.javalin(cfg -> {
                            cfg.routes.post("/ignores-body", ctx -> ctx.result("ok"));
                            cfg.routes.post("/refuses", ctx -> {
                                throw Problem.of(403, "Forbidden").toException();
                            });
                            cfg.routes.before("/refused-before/*", ctx -> {
                                throw Problem.of(401, "Unauthorized").toException();
                            });
                            cfg.routes.post("/refused-before/thing", ctx -> ctx.result("never"));
                            cfg.routes.get("/next", ctx -> ctx.result("next"));
                        }))
                .start();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @Test
    void anAnswerThatIgnoresTheBodyKeepsTheConnection() throws Exception {
        assertStatusThenNextRequestOnTheSameConnection("/ignores-body", 200);
    }

    @Test
    void aRefusalFromTheHandlerKeepsTheConnection() throws Exception {
        assertStatusThenNextRequestOnTheSameConnection("/refuses", 403);
    }

    @Test
    void aRefusalFromABeforeHandlerKeepsTheConnection() throws Exception {
        assertStatusThenNextRequestOnTheSameConnection("/refused-before/thing", 401);
    }

    @Test
    void aChunkedBodyTheHandlerIgnoresKeepsTheConnection() throws Exception {
        String json = "{\"note\":\"not read\"}";
        assertStatusThenNextRequestOnTheSameConnection(
                "/ignores-body",
                "Transfer-Encoding: chunked",
                ascii(Integer.toHexString(json.length()) + "\r\n" + json + "\r\n0\r\n\r\n"),
                200);
    }

    private static void assertStatusThenNextRequestOnTheSameConnection(String path, int status) throws Exception {
        byte[] body = ascii("{\"note\":\"not read\"}");
        assertStatusThenNextRequestOnTheSameConnection(path, "Content-Length: " + body.length, body, status);
    }

    private static void assertStatusThenNextRequestOnTheSameConnection(
            String path, String framing, byte[] body, int status) throws Exception {
        try (Socket socket = new Socket("localhost", app.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(ascii("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + framing + "\r\n\r\n"));
            out.flush();
            Thread.sleep(BODY_DELAY_MILLIS);
            out.write(body);
            out.flush();

            String first = readResponse(in);
            assertTrue(first.startsWith("HTTP/1.1 " + status + " "), first);
            assertFalse(first.toLowerCase(Locale.ROOT).contains("connection: close"), first);

            String second;
            try {
                out.write(ascii("GET /next HTTP/1.1\r\nHost: localhost\r\n\r\n"));
                out.flush();
                second = readResponse(in);
            } catch (IOException e) {
                throw new AssertionError("The server closed the connection after: " + first, e);
            }
            assertTrue(second.startsWith("HTTP/1.1 200 "), "the connection was closed after: " + first);
            assertTrue(second.endsWith("next"), second);
        }
    }

    /** Reads one response with a {@code Content-Length}; an empty string when the server has closed. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).strip());
            }
        }
        byte[] body = in.readNBytes(length);
        assertEquals(length, body.length, "a whole body");
        return text + new String(body, StandardCharsets.UTF_8);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
