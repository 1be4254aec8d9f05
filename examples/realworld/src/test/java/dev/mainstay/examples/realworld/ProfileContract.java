package dev.mainstay.examples.realworld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Profiles, following and unfollowing ("Profile" in the spec). */
interface ProfileContract extends ConduitContract {

    @Test
    default void showsAProfileWithoutTokenAsNotFollowed() {
        run(api -> {
            Conduit.Account jake = api.register("jake");
            HttpResponse<String> response = api.http.get("/api/profiles/" + jake.username());
            assertEquals(200, response.statusCode(), response.body());
            JsonNode profile = api.json(response).path("profile");
            assertEquals(jake.username(), profile.path("username").asText());
            assertTrue(profile.has("bio") && profile.get("bio").isNull(), profile.toString());
            assertTrue(profile.has("image") && profile.get("image").isNull(), profile.toString());
            assertFalse(profile.path("following").asBoolean(true));
        });
    }

    @Test
    default void unknownProfileIs404() {
        run(api -> {
            HttpResponse<String> response = api.http.get("/api/profiles/" + Conduit.uniqueName("nobody"));
            assertEquals(404, response.statusCode());
            assertTrue(api.errors(response).contains("profile not found"), response.body());
        });
    }

    @Test
    default void followsAndUnfollowsAndTheProfileShowsIt() {
        run(api -> {
            Conduit.Account jake = api.register("jake");
            Conduit.Account anne = api.register("anne");
            String path = "/api/profiles/" + anne.username();
            HttpResponse<String> follow = api.http.post(path + "/follow", "", jake.auth());
            assertEquals(200, follow.statusCode(), follow.body());
            assertTrue(api.json(follow).path("profile").path("following").asBoolean());
            assertTrue(api.json(api.http.get(path, jake.auth()))
                    .path("profile")
                    .path("following")
                    .asBoolean());
            assertFalse(api.json(api.http.get(path))
                    .path("profile")
                    .path("following")
                    .asBoolean(true));
            HttpResponse<String> unfollow = api.http.delete(path + "/follow", jake.auth());
            assertEquals(200, unfollow.statusCode(), unfollow.body());
            assertFalse(api.json(unfollow).path("profile").path("following").asBoolean(true));
            assertFalse(api.json(api.http.get(path, jake.auth()))
                    .path("profile")
                    .path("following")
                    .asBoolean(true));
        });
    }

    @Test
    default void followingTwiceIsTheSameAsOnce() {
        run(api -> {
            Conduit.Account jake = api.register("jake");
            Conduit.Account anne = api.register("anne");
            String path = "/api/profiles/" + anne.username() + "/follow";
            assertEquals(200, api.http.post(path, "", jake.auth()).statusCode());
            assertEquals(200, api.http.post(path, "", jake.auth()).statusCode());
            assertEquals(200, api.http.delete(path, jake.auth()).statusCode());
            assertFalse(api.json(api.http.get("/api/profiles/" + anne.username(), jake.auth()))
                    .path("profile")
                    .path("following")
                    .asBoolean(true));
        });
    }

    @Test
    default void followRequiresATokenAndAnExistingUser() {
        run(api -> {
            Conduit.Account jake = api.register("jake");
            Conduit.Account anne = api.register("anne");
            assertEquals(
                    401,
                    api.http
                            .post("/api/profiles/" + anne.username() + "/follow", "")
                            .statusCode());
            assertEquals(
                    401,
                    api.http
                            .delete("/api/profiles/" + anne.username() + "/follow")
                            .statusCode());
            String nobody = "/api/profiles/" + Conduit.uniqueName("nobody") + "/follow";
            assertEquals(404, api.http.post(nobody, "", jake.auth()).statusCode());
            assertEquals(404, api.http.delete(nobody, jake.auth()).statusCode());
        });
    }

    @Test
    default void cannotFollowOneself() {
        run(api -> {
            Conduit.Account jake = api.register("jake");
            HttpResponse<String> response =
                    api.http.post("/api/profiles/" + jake.username() + "/follow", "", jake.auth());
            assertEquals(422, response.statusCode());
            assertTrue(api.errors(response).contains("you cannot follow yourself"), response.body());
        });
    }
}
