package dev.mainstay.examples.realworld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Comments on an article ("Comments" in the spec). */
interface CommentContract extends ConduitContract {

    private static String article(Conduit api, Conduit.Account author) {
        return "/api/articles/"
                + api.createArticle(author, Conduit.uniqueName("Commented"), List.of())
                        .path("slug")
                        .asText();
    }

    @Test
    default void addsCommentsWith200AndListsThemOldestFirst() {
        run(api -> {
            Conduit.Account jake = api.register("jake");
            Conduit.Account anne = api.register("anne");
            String path = article(api, jake);
            HttpResponse<String> response = api.http.post(
                    path + "/comments", Map.of("comment", Map.of("body", "His name was my name too.")), anne.auth());
            assertEquals(200, response.statusCode(), response.body());
            JsonNode comment = api.json(response).path("comment");
            assertTrue(comment.path("id").isIntegralNumber(), comment.toString());
            assertEquals("His name was my name too.", comment.path("body").asText());
            assertTrue(
                    ArticleContract.TIMESTAMP
                            .matcher(comment.path("createdAt").asText())
                            .matches(),
                    comment.toString());
            assertEquals(comment.path("createdAt"), comment.path("updatedAt"));
            assertEquals(
                    anne.username(), comment.path("author").path("username").asText());
            api.http.post(path + "/comments", Map.of("comment", Map.of("body", "Second")), jake.auth());
            HttpResponse<String> list = api.http.get(path + "/comments");
            assertEquals(200, list.statusCode(), list.body());
            JsonNode comments = api.json(list).path("comments");
            assertEquals(2, comments.size());
            assertEquals(comment.path("id"), comments.get(0).path("id"));
            assertEquals("Second", comments.get(1).path("body").asText());
        });
    }

    @Test
    default void commentAuthorsShowAsFollowedByTheViewer() {
        run(api -> {
            Conduit.Account jake = api.register("jake");
            Conduit.Account anne = api.register("anne");
            String path = article(api, jake);
            api.http.post(path + "/comments", Map.of("comment", Map.of("body", "Hi")), anne.auth());
            api.http.post("/api/profiles/" + anne.username() + "/follow", "", jake.auth());
            JsonNode seen = api.json(api.http.get(path + "/comments", jake.auth()))
                    .path("comments")
                    .get(0);
            assertTrue(seen.path("author").path("following").asBoolean());
        });
    }

    @Test
    default void addingACommentNeedsATokenABodyAndAnArticle() {
        run(api -> {
            Conduit.Account jake = api.register("jake");
            String path = article(api, jake);
            assertEquals(
                    401,
                    api.http
                            .post(path + "/comments", Map.of("comment", Map.of("body", "x")))
                            .statusCode());
            HttpResponse<String> empty =
                    api.http.post(path + "/comments", Map.of("comment", Map.of("body", "")), jake.auth());
            assertEquals(422, empty.statusCode());
            assertTrue(api.errors(empty).contains("body "), empty.body());
            assertEquals(
                    404,
                    api.http
                            .post(path + "-nope/comments", Map.of("comment", Map.of("body", "x")), jake.auth())
                            .statusCode());
            assertEquals(404, api.http.get(path + "-nope/comments").statusCode());
        });
    }

    @Test
    default void deletesOwnCommentWith204() {
        run(api -> {
            Conduit.Account jake = api.register("jake");
            String path = article(api, jake);
            long id = api.json(api.http.post(path + "/comments", Map.of("comment", Map.of("body", "x")), jake.auth()))
                    .path("comment")
                    .path("id")
                    .asLong();
            HttpResponse<String> response = api.http.delete(path + "/comments/" + id, jake.auth());
            assertEquals(204, response.statusCode(), response.body());
            assertEquals(
                    0,
                    api.json(api.http.get(path + "/comments")).path("comments").size());
            assertEquals(
                    404, api.http.delete(path + "/comments/" + id, jake.auth()).statusCode());
        });
    }

    @Test
    default void onlyTheCommentAuthorMayDeleteIt() {
        run(api -> {
            Conduit.Account jake = api.register("jake");
            Conduit.Account anne = api.register("anne");
            String path = article(api, jake);
            long id = api.json(api.http.post(path + "/comments", Map.of("comment", Map.of("body", "x")), anne.auth()))
                    .path("comment")
                    .path("id")
                    .asLong();
            HttpResponse<String> response = api.http.delete(path + "/comments/" + id, jake.auth());
            assertEquals(403, response.statusCode());
            assertTrue(api.errors(response).contains("only the author"), response.body());
            assertEquals(401, api.http.delete(path + "/comments/" + id).statusCode());
            assertEquals(
                    1,
                    api.json(api.http.get(path + "/comments")).path("comments").size());
        });
    }

    @Test
    default void deletingAnUnknownCommentOrOneOfAnotherArticleIs404() {
        run(api -> {
            Conduit.Account jake = api.register("jake");
            String path = article(api, jake);
            String other = article(api, jake);
            long id = api.json(api.http.post(path + "/comments", Map.of("comment", Map.of("body", "x")), jake.auth()))
                    .path("comment")
                    .path("id")
                    .asLong();
            assertEquals(
                    404, api.http.delete(other + "/comments/" + id, jake.auth()).statusCode());
            assertEquals(
                    404,
                    api.http.delete(path + "/comments/999999999", jake.auth()).statusCode());
            assertEquals(
                    404, api.http.delete(path + "/comments/abc", jake.auth()).statusCode());
        });
    }
}
