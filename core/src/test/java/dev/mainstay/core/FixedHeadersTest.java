package dev.mainstay.core;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.core.config.Config;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fixed headers reach the client as {@code ctx.header} would send them: once each, replaceable by a later
 * handler, also on a response a servlet filter wrapped; and {@link FixedHeaders#of} refuses what would
 * break the header block, since nothing sanitises a pre-encoded header on its way out.
 */
class FixedHeadersTest {
    private static final FixedHeaders HEADERS = FixedHeaders.of(ordered(
            "X-Frame-Options", "DENY",
            "Cache-Control", "no-store",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'",
            "X-Note", "spaces, and caf\u00e9"));

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static Mainstay app;

    @BeforeAll
    static void start() {
        app = Mainstay.create(
                        Config.of(Map.of("http.port", "0", "profile", "test")),
                        setup -> setup.javalin(cfg -> {
                            cfg.routes.get("/fixed", ctx -> {
                                HEADERS.setOn(ctx);
                                ctx.result("ok");
                            });
                            cfg.routes.get("/twice", ctx -> {
                                HEADERS.setOn(ctx);
                                HEADERS.setOn(ctx);
                                ctx.result("ok");
                            });
                            cfg.routes.get("/replaced-later", ctx -> {
                                HEADERS.setOn(ctx);
                                ctx.header("X-Frame-Options", "SAMEORIGIN");
                                ctx.result("ok");
                            });
                            cfg.routes.get("/replacing", ctx -> {
                                ctx.header("Cache-Control", "public, max-age=60");
                                ctx.header("x-frame-options", "SAMEORIGIN");
                                HEADERS.setOn(ctx);
                                ctx.result("ok");
                            });
                            cfg.routes.get("/wrapped", ctx -> {
                                HEADERS.setOn(ctx);
                                ctx.result(ctx.res().getClass().getSimpleName());
                            });
                            // A filter that hands the servlet a wrapped response, as some servlet filters do.
                            cfg.jetty.modifyServletContextHandler(handler -> handler.addFilter(
                                    (Filter) (request, response, chain) -> chain.doFilter(
                                            request, new HttpServletResponseWrapper((HttpServletResponse) response)),
                                    "/wrapped",
                                    EnumSet.of(DispatcherType.REQUEST)));
                        }))
                .start();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static Map<String, String> ordered(String... namesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    private static HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> response = CLIENT.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }

    private static void assertHeader(HttpResponse<?> response, String name, String value) {
        assertEquals(List.of(value), response.headers().allValues(name), name + " in " + response.headers().map());
    }

    @Test
    void sendsEachHeaderOnceWithItsValue() throws Exception {
        HttpResponse<String> response = get("/fixed");
        assertHeader(response, "X-Frame-Options", "DENY");
        assertHeader(response, "Cache-Control", "no-store");
        assertHeader(response, "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        assertHeader(response, "X-Note", "spaces, and caf\u00e9"); // ISO-8859-1 is allowed
        assertEquals("ok", response.body());
    }

    @Test
    void setTwiceStillSendsEachOnce() throws Exception {
        HttpResponse<String> response = get("/twice");
        assertHeader(response, "X-Frame-Options", "DENY");
        assertHeader(response, "Cache-Control", "no-store");
    }

    @Test
    void aLaterHandlerReplacesAFixedHeader() throws Exception {
        HttpResponse<String> response = get("/replaced-later");
        assertHeader(response, "X-Frame-Options", "SAMEORIGIN");
        assertHeader(response, "Cache-Control", "no-store");
    }

    @Test
    void replacesHeadersOfTheSameNameInAnyCase() throws Exception {
        HttpResponse<String> response = get("/replacing");
        assertHeader(response, "Cache-Control", "no-store");
        assertHeader(response, "X-Frame-Options", "DENY");
    }

    @Test
    void aResponseAFilterWrappedGetsTheSameHeaders() throws Exception {
        HttpResponse<String> response = get("/wrapped");
        assertEquals("HttpServletResponseWrapper", response.body());
        assertHeader(response, "X-Frame-Options", "DENY");
        assertHeader(response, "Cache-Control", "no-store");
        assertHeader(response, "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    }

    @Test
    void refusesValuesThatWouldEndTheHeaderOrInjectAnother() {
        for (String value : List.of("no-store\r\nSet-Cookie: a=b", "a\nb", "a\rb", "a\u0000b", "a\u007fb", "caf\u20ac")) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class, () -> FixedHeaders.of(Map.of("Cache-Control", value)), value);
            assertTrue(e.getMessage().contains("Cache-Control"), e.getMessage());
        }
    }

    @Test
    void acceptsATabInAValue() {
        assertDoesNotThrow(() -> FixedHeaders.of(Map.of("X-Note", "a\tb"))); // RFC 9110 5.5: HTAB is allowed
    }

    @Test
    void refusesNamesThatAreNotTokens() {
        for (String name : List.of("", "Bad Header", "X-A:", "X-\u00e9", "X-A\r\n")) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class, () -> FixedHeaders.of(Map.of(name, "v")), name);
            assertTrue(e.getMessage().contains("not a token"), e.getMessage());
        }
    }
}
