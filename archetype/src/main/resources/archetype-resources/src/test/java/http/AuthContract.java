package ${package}.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /api/auth/*} and {@code /api/me}. */
abstract class AuthContract extends ApiContract {

    @Test
    void registersAUserAndAnswersWithIdAndEmailOnly() {
        String email = uniqueEmail();

        HttpResponse<String> response = register(email.toUpperCase(), PASSWORD);

        assertEquals(201, response.statusCode(), response.body());
        JsonNode user = json(response);
        assertEquals(email, user.path("email").asText(), "the address is stored lower-cased");
        assertFalse(user.path("id").asText().isBlank());
        assertEquals(List.of("email", "id"), fieldNames(user));
    }

    @Test
    void refusesADuplicateEmailWith409WhateverItsCase() {
        String email = uniqueEmail();
        register(email, PASSWORD);

        assertProblem(409, register(email.toUpperCase(), PASSWORD));
    }

    @Test
    void refusesAnInvalidEmailAndAShortPasswordNamingBothFields() {
        JsonNode problem = assertProblem(422, register("not-an-email", "short"));

        assertEquals(List.of("/email", "/password"), pointers(problem));
    }

    @Test
    void refusesAPasswordLongerThan72Bytes() {
        JsonNode problem = assertProblem(422, register(uniqueEmail(), "\u00e9".repeat(37)));

        assertEquals(List.of("/password"), pointers(problem));
    }

    @Test
    void refusesMalformedJsonWith400() {
        assertProblem(400, post("/api/auth/register", null, "{\"email\":"));
    }

    @Test
    void refusesMissingFieldsWith422() {
        JsonNode problem = assertProblem(422, post("/api/auth/register", null, Map.of()));

        assertEquals(List.of("/email", "/password"), pointers(problem));
    }

    @Test
    void logsInWithABearerTokenPair() {
        String email = uniqueEmail();
        register(email, PASSWORD);

        HttpResponse<String> response = post("/api/auth/login", null, credentials(email, PASSWORD));

        assertEquals(200, response.statusCode(), response.body());
        JsonNode tokens = json(response);
        assertEquals("Bearer", tokens.path("tokenType").asText());
        assertTrue(tokens.path("expiresIn").asInt() > 0);
        assertFalse(tokens.path("accessToken").asText().isBlank());
        assertFalse(tokens.path("refreshToken").asText().isBlank());
    }

    @Test
    void answersAWrongPasswordAndAnUnknownEmailAlike() {
        String email = uniqueEmail();
        register(email, PASSWORD);

        JsonNode wrongPassword = assertProblem(401, post("/api/auth/login", null, credentials(email, "wrong password!")));
        JsonNode unknownEmail = assertProblem(401, post("/api/auth/login", null, credentials(uniqueEmail(), PASSWORD)));

        assertEquals(wrongPassword.path("title"), unknownEmail.path("title"));
        assertEquals(wrongPassword.path("detail"), unknownEmail.path("detail"));
        assertEquals(wrongPassword.path("type"), unknownEmail.path("type"));
    }

    @Test
    void throttlesRepeatedFailedLoginsWith429AndRetryAfter() {
        String email = uniqueEmail();
        register(email, PASSWORD);
        HttpResponse<String> response = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            response = post("/api/auth/login", null, credentials(email, "wrong password!"));
            if (response.statusCode() == 429) {
                break;
            }
            assertProblem(401, response);
        }

        assertProblem(429, response);
        assertTrue(response.headers().firstValue("Retry-After").isPresent(), "Retry-After header");
    }

    @Test
    void refreshRotatesTheRefreshToken() {
        Session session = newSession();

        HttpResponse<String> response = post("/api/auth/refresh", null, Map.of("refreshToken", session.refreshToken()));

        assertEquals(200, response.statusCode(), response.body());
        JsonNode tokens = json(response);
        assertNotEquals(session.refreshToken(), tokens.path("refreshToken").asText());
        assertEquals(200, get("/api/me", tokens.path("accessToken").asText()).statusCode());
    }

    @Test
    void reusingARotatedRefreshTokenRevokesTheWholeFamily() {
        Session session = newSession();
        String rotated = json(post("/api/auth/refresh", null, Map.of("refreshToken", session.refreshToken())))
                .path("refreshToken")
                .asText();

        assertProblem(401, post("/api/auth/refresh", null, Map.of("refreshToken", session.refreshToken())));
        assertProblem(401, post("/api/auth/refresh", null, Map.of("refreshToken", rotated)));
    }

    @Test
    void refusesAnUnknownRefreshToken() {
        assertProblem(401, post("/api/auth/refresh", null, Map.of("refreshToken", "not-a-token")));
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        Session session = newSession();

        HttpResponse<String> response =
                post("/api/auth/logout", session.accessToken(), Map.of("refreshToken", session.refreshToken()));

        assertEquals(204, response.statusCode(), response.body());
        assertProblem(401, post("/api/auth/refresh", null, Map.of("refreshToken", session.refreshToken())));
    }

    @Test
    void logoutNeedsAnAccessToken() {
        Session session = newSession();

        assertProblem(401, post("/api/auth/logout", null, Map.of("refreshToken", session.refreshToken())));
    }

    @Test
    void logoutCannotRevokeAnotherUsersToken() {
        Session victim = newSession();
        Session attacker = newSession();

        post("/api/auth/logout", attacker.accessToken(), Map.of("refreshToken", victim.refreshToken()));

        assertEquals(200, post("/api/auth/refresh", null, Map.of("refreshToken", victim.refreshToken())).statusCode());
    }

    @Test
    void meAnswersWithTheCaller() {
        Session session = newSession();

        HttpResponse<String> response = get("/api/me", session.accessToken());

        assertEquals(200, response.statusCode(), response.body());
        JsonNode me = json(response);
        assertEquals(session.id(), me.path("id").asText());
        assertEquals(session.email(), me.path("email").asText());
        assertEquals("[\"user\"]", me.path("roles").toString());
    }

    @Test
    void meRefusesAMissingOrForgedToken() {
        assertProblem(401, get("/api/me", null));
        assertProblem(401, get("/api/me", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        return names;
    }
}
