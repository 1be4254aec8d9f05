package dev.mainstay.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.test.MainstayTest;
import dev.mainstay.test.TestClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Requests that Jetty refuses before Javalin sees them still get a problem, not Jetty's HTML page. */
class JettyErrorsTest {
    private static void routes(MainstaySetup app) {
        app.javalin(cfg -> cfg.routes.get("/", ctx -> ctx.result("home")));
    }

    /** Sends {@code request} on a connection of its own (Jetty closes it after such an error) and returns all it answered. */
    private static String exchange(TestClient client, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", client.uri("/").getPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static void assertProblem(String response, int status, String title) {
        assertTrue(response.startsWith("HTTP/1.1 " + status + " "), response);
        assertTrue(response.toLowerCase().contains("content-type: application/problem+json"), response);
        assertTrue(response.endsWith("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + "}"),
                response);
    }

    @Test
    void answersAnOversizedUrlWith414Problem() {
        MainstayTest.run(JettyErrorsTest::routes, (app, client) -> {
            String response = exchange(client, "GET /?q=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
            assertProblem(response, 414, "URI Too Long");
        });
    }

    @Test
    void answersOversizedHeadersWith431Problem() {
        MainstayTest.run(JettyErrorsTest::routes, (app, client) -> {
            String response =
                    exchange(client, "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n");
            assertProblem(response, 431, "Request Header Fields Too Large");
        });
    }

    @Test
    void answersAnUnparsableRequestLineWith400ProblemAndKeepsServing() {
        MainstayTest.run(JettyErrorsTest::routes, (app, client) -> {
            String response = exchange(client, "GET /\u0001 HTTP/1.1\r\nHost: x\r\n\r\n");
            assertProblem(response, 400, "Bad Request");
            assertEquals("home", client.get("/").body());
        });
    }
}
