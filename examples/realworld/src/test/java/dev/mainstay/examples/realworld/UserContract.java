package dev.mainstay.examples.realworld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mainstay.test.ForgedToken;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Registration, login, and the current user ("User and Authentication" in the spec). */
interface UserContract extends ConduitContract {

    @Test
    default void registersWith201AndAnswersTheUserWithNullBioAndImage() {
        run(api -> {
            String username = Conduit.uniqueName("jake");
            HttpResponse<String> response = api.http.post(
                    "/api/users",
                    Map.of(
                            "user",
                            Map.of(
                                    "username",
                                    username,
                                    "email",
                                    username.toUpperCase() + "@Example.com",
                                    "password",
                                    Conduit.PASSWORD)));
            assertEquals(201, response.statusCode(), response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            JsonNode user = api.json(response).path("user");
            assertEquals(username, user.path("username").asText());
            assertEquals(
                    username.toLowerCase() + "@example.com", user.path("email").asText());
            assertEquals(3, user.path("token").asText().split("\\.").length, "a JWT: " + user);
            assertTrue(user.has("bio") && user.get("bio").isNull(), "bio present and null: " + user);
            assertTrue(user.has("image") && user.get("image").isNull(), "image present and null: " + user);
            assertFalse(user.has("password") || user.has("passwordHash"), "no password in " + user);
        });
    }

    @Test
    default void registrationNamesEveryMissingFieldWith422() {
        run(api -> {
            HttpResponse<String> response = api.http.post("/api/users", Map.of("user", Map.of()));
            assertEquals(422, response.statusCode());
            String errors = api.errors(response);
            assertTrue(errors.contains("username "), errors);
            assertTrue(errors.contains("email "), errors);
            assertTrue(errors.contains("password "), errors);
        });
    }

    @Test
    default void registrationWithoutTheUserWrapperIs422() {
        run(api -> {
            HttpResponse<String> response = api.http.post("/api/users", Map.of("username", "x"));
            assertEquals(422, response.statusCode());
            assertTrue(api.errors(response).contains("user is required"), response.body());
        });
    }

    @Test
    default void malformedJsonIs422InTheSpecErrorFormat() {
        run(api -> {
            HttpResponse<String> response = api.http.post("/api/users", "{\"user\": ");
            assertEquals(422, response.statusCode());
            assertFalse(api.errors(response).isBlank());
        });
    }

    @Test
    default void registrationRejectsATakenUsernameAndEmail() {
        run(api -> {
            Conduit.Account jake = api.register("jake");
            HttpResponse<String> response = api.http.post(
                    "/api/users",
                    Map.of(
                            "user",
                            Map.of("username", jake.username(), "email", jake.email(), "password", Conduit.PASSWORD)));
            assertEquals(422, response.statusCode());
            String errors = api.errors(response);
            assertTrue(errors.contains("username has already been taken"), errors);
            assertTrue(errors.contains("email has already been taken"), errors);
        });
    }

    @Test
    default void registrationAppliesThePasswordPolicy() {
        run(api -> {
            String username = Conduit.uniqueName("short");
            HttpResponse<String> tooShort = api.http.post(
                    "/api/users",
                    Map.of(
                            "user",
                            Map.of("username", username, "email", username + "@example.com", "password", "seven77")));
            assertEquals(422, tooShort.statusCode());
            assertTrue(api.errors(tooShort).contains("password must be at least 8"), tooShort.body());
            HttpResponse<String> tooLong = api.http.post(
                    "/api/users",
                    Map.of(
                            "user",
                            Map.of(
                                    "username",
                                    username,
                                    "email",
                                    username + "@example.com",
                                    "password",
                                    "é".repeat(37))));
            assertEquals(422, tooLong.statusCode());
            assertTrue(api.errors(tooLong).contains("password must be at most 72 bytes"), tooLong.body());
        });
    }

    @Test
    default void logsInWithTheRegisteredCredentialsInAnyEmailCase() {
        run(api -> {
            Conduit.Account jake = api.register("jake");
            HttpResponse<String> response = api.http.post(
                    "/api/users/login",
                    Map.of("user", Map.of("email", jake.email().toUpperCase(), "password", Conduit.PASSWORD)));
            assertEquals(200, response.statusCode(), response.body());
            JsonNode user = api.json(response).path("user");
            assertEquals(jake.username(), user.path("username").asText());
            HttpResponse<String> me =
                    api.http.get("/api/user", Conduit.token(user.path("token").asText()));
            assertEquals(200, me.statusCode());
        });
    }

    @Test
    default void loginWithAWrongPasswordOrUnknownEmailIs401() {
        run(api -> {
            Conduit.Account jake = api.register("jake");
            HttpResponse<String> wrong = api.http.post(
                    "/api/users/login", Map.of("user", Map.of("email", jake.email(), "password", "not the password")));
            assertEquals(401, wrong.statusCode());
            assertTrue(api.errors(wrong).contains("email or password is invalid"), wrong.body());
            HttpResponse<String> unknown = api.http.post(
                    "/api/users/login",
                    Map.of("user", Map.of("email", "nobody-" + jake.email(), "password", Conduit.PASSWORD)));
            assertEquals(401, unknown.statusCode());
        });
    }

    @Test
    default void loginWithoutPasswordIs422() {
        run(api -> {
            HttpResponse<String> response =
                    api.http.post("/api/users/login", Map.of("user", Map.of("email", "jake@example.com")));
            assertEquals(422, response.statusCode());
            assertTrue(api.errors(response).contains("password "), response.body());
        });
    }

    @Test
    default void answersTheCurrentUserOfTheToken() {
        run(api -> {
            Conduit.Account jake = api.register("jake");
            HttpResponse<String> response = api.http.get("/api/user", jake.auth());
            assertEquals(200, response.statusCode(), response.body());
            JsonNode user = api.json(response).path("user");
            assertEquals(jake.username(), user.path("username").asText());
            assertEquals(jake.email(), user.path("email").asText());
            assertFalse(user.path("token").asText().isEmpty());
        });
    }

    @Test
    default void currentUserWithoutAValidTokenIs401() {
        run(api -> {
            Conduit.Account jake = api.register("jake");
            assertEquals(401, api.http.get("/api/user").statusCode());
            assertEquals(
                    401,
                    api.http
                            .get("/api/user", "Authorization", "Bearer " + jake.token())
                            .statusCode());
            assertEquals(
                    401,
                    api.http
                            .get("/api/user", "Authorization", "Token not.a.jwt")
                            .statusCode());
            String tampered = jake.token().substring(0, jake.token().length() - 2) + "xx";
            HttpResponse<String> response = api.http.get("/api/user", Conduit.token(tampered));
            assertEquals(401, response.statusCode());
            assertFalse(api.errors(response).isBlank());
        });
    }

    @Test
    default void updatesTheGivenFieldsAndKeepsTheOthers() {
        run(api -> {
            Conduit.Account jake = api.register("jake");
            HttpResponse<String> response = api.http.put(
                    "/api/user",
                    Map.of("user", Map.of("bio", "I like to skateboard", "image", "https://example.com/jake.jpg")),
                    jake.auth());
            assertEquals(200, response.statusCode(), response.body());
            JsonNode user = api.json(response).path("user");
            assertEquals("I like to skateboard", user.path("bio").asText());
            assertEquals("https://example.com/jake.jpg", user.path("image").asText());
            assertEquals(jake.email(), user.path("email").asText());
            JsonNode again = api.json(api.http.get("/api/user", jake.auth())).path("user");
            assertEquals("I like to skateboard", again.path("bio").asText());
        });
    }

    @Test
    default void updatedUsernameAndPasswordWorkForLogin() {
        run(api -> {
            Conduit.Account jake = api.register("jake");
            String newName = Conduit.uniqueName("jacob");
            HttpResponse<String> response = api.http.put(
                    "/api/user",
                    Map.of("user", Map.of("username", newName, "password", "a new long password")),
                    jake.auth());
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(
                    newName, api.json(response).path("user").path("username").asText());
            HttpResponse<String> login = api.http.post(
                    "/api/users/login",
                    Map.of("user", Map.of("email", jake.email(), "password", "a new long password")));
            assertEquals(200, login.statusCode(), login.body());
            assertEquals(200, api.http.get("/api/profiles/" + newName).statusCode());
        });
    }

    /** Issue 13 item 6: the spec has no "current password" field, so a change revokes older tokens instead. */
    @Test
    default void aPasswordOrEmailChangeRevokesEveryTokenIssuedBeforeIt() {
        run(api -> {
            for (String field : List.of("password", "email")) {
                Conduit.Account user = api.register("revoked");
                // The same token as the app issued, but a minute older: one a thief may have copied.
                String earlier = ForgedToken.of(user.token())
                        .withClaim("iat", Instant.now().getEpochSecond() - 60)
                        .signedWithHmac(app().randomKey("security.jwt.secret"));
                String[] earlierAuth = Conduit.token(earlier);
                assertEquals(200, api.http.put("/api/user", Map.of("user", Map.of("bio", "hi")), earlierAuth)
                        .statusCode(), "a bio change revokes nothing");
                String value = field.equals("email") ? "new-" + user.email() : "another long passphrase";
                HttpResponse<String> changed = api.http.put("/api/user", Map.of("user", Map.of(field, value)), user.auth());
                assertEquals(200, changed.statusCode(), changed.body());
                assertEquals(401, api.http.get("/api/user", earlierAuth).statusCode(), field + " changed");
                String[] fresh = Conduit.token(api.json(changed).path("user").path("token").asText());
                assertEquals(200, api.http.get("/api/user", fresh).statusCode(), "the token the change answered");
            }
        });
    }

    @Test
    default void updateToATakenEmailIs422() {
        run(api -> {
            Conduit.Account jake = api.register("jake");
            Conduit.Account anne = api.register("anne");
            HttpResponse<String> response =
                    api.http.put("/api/user", Map.of("user", Map.of("email", anne.email())), jake.auth());
            assertEquals(422, response.statusCode());
            assertTrue(api.errors(response).contains("email has already been taken"), response.body());
        });
    }

    @Test
    default void updateWithoutAnyFieldIs422() {
        run(api -> {
            Conduit.Account jake = api.register("jake");
            HttpResponse<String> response = api.http.put("/api/user", Map.of("user", Map.of()), jake.auth());
            assertEquals(422, response.statusCode());
            assertTrue(api.errors(response).contains("user must contain at least one of"), response.body());
        });
    }

    @Test
    default void updateRequiresAToken() {
        run(api -> assertEquals(
                401,
                api.http.put("/api/user", Map.of("user", Map.of("bio", "x"))).statusCode()));
    }

    @Test
    default void throttlesLoginsAfterTooManyFailuresWith429() {
        run(api -> {
            Conduit.Account jake = api.register("jake");
            Map<String, Object> wrong = Map.of("user", Map.of("email", jake.email(), "password", "not the password"));
            for (int i = 0; i < 10; i++) {
                assertEquals(401, api.http.post("/api/users/login", wrong).statusCode());
            }
            HttpResponse<String> throttled = api.http.post(
                    "/api/users/login", Map.of("user", Map.of("email", jake.email(), "password", Conduit.PASSWORD)));
            assertEquals(429, throttled.statusCode());
            assertTrue(throttled.headers().firstValue("Retry-After").isPresent());
            assertFalse(api.errors(throttled).isBlank());
        });
    }
}
