package dev.mainstay.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mainstay.core.config.Config;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A query string that cannot be percent-decoded is a 400 naming the parameter, on every route. Sent over a
 * raw socket: java.net.URI refuses to build such a URL, and browsers and curl send it as typed.
 */
class QueryStringTest {
    private static Mainstay app;

    @BeforeAll
    static void start() {
        app = Mainstay.create(
                        Config.of(Map.of("http.port", "0", "profile", "test")),
                        setup -> setup.javalin(cfg -> cfg.routes.get(
                                "/notes",
                                ctx -> ctx.result("cursor=" + ctx.queryParam("cursor") + " limit=" + ctx.queryParam("limit")))))
                .start();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    /** Returns the status line and the body of a raw GET. */
    private static String[] get(String target) throws Exception {
        try (Socket socket = new Socket("localhost", app.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new String[] {response.substring(0, response.indexOf("\r\n")), response.substring(response.indexOf("\r\n\r\n") + 4)};
        }
    }

    private static JsonNode problem(String target, String parameter) throws Exception {
        String[] response = get(target);
        assertEquals("HTTP/1.1 400 Bad Request", response[0], response[1]);
        JsonNode body = new ObjectMapper().readTree(response[1]);
        assertEquals("?" + parameter, body.path("errors").path(0).path("pointer").asText(), response[1]);
        assertTrue(body.path("detail").asText().contains("'" + parameter + "'"), response[1]);
        return body;
    }

    @Test
    void refusesMalformedPercentEncodingNamingTheParameter() throws Exception {
        problem("/notes?cursor=%%%garbage", "cursor");
        problem("/notes?limit=%%%", "limit");
        problem("/notes?limit=10&cursor=abc%2", "cursor");
        problem("/notes?limit=%zz", "limit");
    }

    @Test
    void refusesEscapesThatAreNotUtf8() throws Exception {
        problem("/notes?cursor=%C0%AF", "cursor"); // an overlong '/'
        problem("/notes?cursor=%FF", "cursor");
    }

    @Test
    void refusesItOnRoutesThatDoNotExistToo() throws Exception {
        problem("/nowhere?q=%%", "q");
    }

    @Test
    void namesAParameterWhoseNameIsMalformed() throws Exception {
        problem("/notes?%zz=1", "%zz");
    }

    @Test
    void letsWellFormedEscapesThrough() throws Exception {
        String[] response = get("/notes?cursor=caf%C3%A9+au+lait%21&limit=5");
        assertEquals("HTTP/1.1 200 OK", response[0], response[1]);
        assertEquals("cursor=café au lait! limit=5", response[1]);
    }
}
