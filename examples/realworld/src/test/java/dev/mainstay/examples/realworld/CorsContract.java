package dev.mainstay.examples.realworld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** CORS as the spec's CORS page asks: a front end on another origin can call the API. */
interface CorsContract extends ConduitContract {
    /** The origin the suite allows ({@code security.cors.allowed-origins}). */
    String FRONT_END = "http://localhost:3000";

    private static HttpResponse<String> preflight(Conduit api, String origin) {
        return api.http.send(api.http
                .request(
                        "/api/articles",
                        "Origin",
                        origin,
                        "Access-Control-Request-Method",
                        "POST",
                        "Access-Control-Request-Headers",
                        "authorization,content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }

    @Test
    default void answersThePreflightOfAnAllowedOrigin() {
        run(api -> {
            HttpResponse<String> response = preflight(api, FRONT_END);
            assertTrue(
                    response.statusCode() == 204 || response.statusCode() == 200,
                    response.statusCode() + " " + response.body());
            assertEquals(
                    FRONT_END,
                    response.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
            String headers = response.headers()
                    .firstValue("Access-Control-Allow-Headers")
                    .orElse("")
                    .toLowerCase(Locale.ROOT);
            assertTrue(headers.contains("content-type") && headers.contains("authorization"), headers);
            assertTrue(response.headers()
                    .firstValue("Access-Control-Allow-Methods")
                    .orElse("")
                    .contains("POST"));
        });
    }

    @Test
    default void letsAnAllowedOriginReadResponses() {
        run(api -> {
            HttpResponse<String> response = api.http.get("/api/tags", "Origin", FRONT_END);
            assertEquals(200, response.statusCode());
            assertEquals(
                    FRONT_END,
                    response.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        });
    }

    @Test
    default void givesOtherOriginsNothing() {
        run(api -> {
            HttpResponse<String> response = api.http.get("/api/tags", "Origin", "https://evil.example");
            assertEquals(200, response.statusCode());
            assertTrue(
                    response.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
            HttpResponse<String> refused = preflight(api, "https://evil.example");
            assertEquals(403, refused.statusCode());
            assertTrue(
                    refused.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        });
    }
}
