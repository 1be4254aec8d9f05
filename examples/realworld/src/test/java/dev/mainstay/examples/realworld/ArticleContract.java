package dev.mainstay.examples.realworld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Creating, reading, changing, deleting and favoriting one article ("Articles" and "Favorites"). */
interface ArticleContract extends ConduitContract {
    /** The spec's example: {@code 2016-02-18T03:22:56.637Z}, always three fractional digits. */
    Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");

    @Test
    default void createsWith201ASluggedArticleWithSortedTagsAndMillisecondTimestamps() {
        run(api -> {
            Conduit.Account jake = api.register("jake");
            HttpResponse<String> response = api.http.post(
                    "/api/articles",
                    Map.of(
                            "article",
                            Map.of(
                                    "title",
                                    "How to Train Your Dragon!",
                                    "description",
                                    "Ever wonder how?",
                                    "body",
                                    "You have to believe",
                                    "tagList",
                                    List.of("training", "dragons", "training"))),
                    jake.auth());
            assertEquals(201, response.statusCode(), response.body());
            JsonNode article = api.json(response).path("article");
            assertEquals("how-to-train-your-dragon", article.path("slug").asText());
            assertEquals("How to Train Your Dragon!", article.path("title").asText());
            assertEquals("Ever wonder how?", article.path("description").asText());
            assertEquals("You have to believe", article.path("body").asText());
            assertEquals("[\"dragons\",\"training\"]", article.path("tagList").toString());
            assertTrue(TIMESTAMP.matcher(article.path("createdAt").asText()).matches(), article.toString());
            assertEquals(article.path("createdAt"), article.path("updatedAt"));
            assertFalse(article.path("favorited").asBoolean(true));
            assertEquals(0, article.path("favoritesCount").asInt(-1));
            assertEquals(
                    jake.username(), article.path("author").path("username").asText());
            assertFalse(article.path("author").path("following").asBoolean(true));
            assertTrue(
                    article.path("author").has("bio") && article.path("author").has("image"));
        });
    }

    @Test
    default void aTitleThatIsTakenGetsAUniqueSlug() {
        run(api -> {
            Conduit.Account jake = api.register("jake");
            String title = Conduit.uniqueName("Same Title");
            String first =
                    api.createArticle(jake, title, List.of()).path("slug").asText();
            String second =
                    api.createArticle(jake, title, List.of()).path("slug").asText();
            assertNotEquals(first, second);
            assertTrue(second.startsWith(first + "-"), second);
            assertEquals(200, api.http.get("/api/articles/" + second).statusCode());
        });
    }

    @Test
    default void createNamesEveryMissingFieldWith422() {
        run(api -> {
            Conduit.Account jake = api.register("jake");
            HttpResponse<String> response = api.http.post(
                    "/api/articles",
                    Map.of("article", Map.of("title", " ", "tagList", List.of("ok", ""))),
                    jake.auth());
            assertEquals(422, response.statusCode());
            String errors = api.errors(response);
            for (String field : List.of("title ", "description ", "body ", "tagList ")) {
                assertTrue(errors.contains(field), field + " in " + errors);
            }
        });
    }

    @Test
    default void createRequiresAToken() {
        run(api -> assertEquals(
                401,
                api.http
                        .post("/api/articles", Map.of("article", Map.of("title", "t", "description", "d", "body", "b")))
                        .statusCode()));
    }

    @Test
    default void readsAnArticleWithoutTokenAndUnknownSlugsAre404() {
        run(api -> {
            Conduit.Account jake = api.register("jake");
            String slug = api.createArticle(jake, Conduit.uniqueName("Readable"), List.of("x"))
                    .path("slug")
                    .asText();
            HttpResponse<String> response = api.http.get("/api/articles/" + slug);
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(slug, api.json(response).path("article").path("slug").asText());
            assertEquals(
                    "[\"x\"]",
                    api.json(response).path("article").path("tagList").toString());
            HttpResponse<String> missing = api.http.get("/api/articles/no-such-article-" + slug);
            assertEquals(404, missing.statusCode());
            assertTrue(api.errors(missing).contains("article not found"), missing.body());
        });
    }

    @Test
    default void updatesTheGivenFieldsAndANewTitleGivesANewSlug() {
        run(api -> {
            Conduit.Account jake = api.register("jake");
            JsonNode created = api.createArticle(jake, Conduit.uniqueName("Old Title"), List.of("keep"));
            String newTitle = Conduit.uniqueName("Did You Train Your Dragon");
            HttpResponse<String> response = api.http.put(
                    "/api/articles/" + created.path("slug").asText(),
                    Map.of("article", Map.of("title", newTitle)),
                    jake.auth());
            assertEquals(200, response.statusCode(), response.body());
            JsonNode article = api.json(response).path("article");
            assertEquals(newTitle, article.path("title").asText());
            assertEquals(
                    newTitle.toLowerCase().replace(' ', '-'),
                    article.path("slug").asText());
            assertEquals(created.path("body"), article.path("body"));
            assertEquals(created.path("description"), article.path("description"));
            assertEquals("[\"keep\"]", article.path("tagList").toString());
            assertEquals(created.path("createdAt"), article.path("createdAt"));
            assertTrue(article.path("updatedAt")
                            .asText()
                            .compareTo(created.path("updatedAt").asText())
                    >= 0);
            assertEquals(
                    404,
                    api.http
                            .get("/api/articles/" + created.path("slug").asText())
                            .statusCode());
            assertEquals(
                    200,
                    api.http
                            .get("/api/articles/" + article.path("slug").asText())
                            .statusCode());
        });
    }

    @Test
    default void onlyTheAuthorMayUpdateOrDelete() {
        run(api -> {
            Conduit.Account jake = api.register("jake");
            Conduit.Account anne = api.register("anne");
            String path = "/api/articles/"
                    + api.createArticle(jake, Conduit.uniqueName("Mine"), List.of())
                            .path("slug")
                            .asText();
            HttpResponse<String> update =
                    api.http.put(path, Map.of("article", Map.of("body", "hijacked")), anne.auth());
            assertEquals(403, update.statusCode());
            assertFalse(api.errors(update).isBlank());
            assertEquals(403, api.http.delete(path, anne.auth()).statusCode());
            assertEquals(401, api.http.delete(path).statusCode());
            assertEquals(
                    401,
                    api.http.put(path, Map.of("article", Map.of("body", "x"))).statusCode());
            assertEquals(
                    "Body of",
                    api.json(api.http.get(path))
                            .path("article")
                            .path("body")
                            .asText()
                            .substring(0, 7));
        });
    }

    @Test
    default void updateOfAnUnknownArticleIs404AndABlankFieldIs422() {
        run(api -> {
            Conduit.Account jake = api.register("jake");
            String slug = api.createArticle(jake, Conduit.uniqueName("Blank"), List.of())
                    .path("slug")
                    .asText();
            assertEquals(
                    404,
                    api.http
                            .put("/api/articles/nope-" + slug, Map.of("article", Map.of("body", "x")), jake.auth())
                            .statusCode());
            HttpResponse<String> blank =
                    api.http.put("/api/articles/" + slug, Map.of("article", Map.of("body", "")), jake.auth());
            assertEquals(422, blank.statusCode());
            assertTrue(api.errors(blank).contains("body must not be blank"), blank.body());
        });
    }

    @Test
    default void deletesWith204AndTheArticleIsGone() {
        run(api -> {
            Conduit.Account jake = api.register("jake");
            String path = "/api/articles/"
                    + api.createArticle(jake, Conduit.uniqueName("Doomed"), List.of("doomed"))
                            .path("slug")
                            .asText();
            api.http.post(path + "/favorite", "", jake.auth());
            api.http.post(path + "/comments", Map.of("comment", Map.of("body", "bye")), jake.auth());
            HttpResponse<String> response = api.http.delete(path, jake.auth());
            assertEquals(204, response.statusCode(), response.body());
            assertEquals("", response.body());
            assertEquals(404, api.http.get(path).statusCode());
            assertEquals(404, api.http.delete(path, jake.auth()).statusCode());
        });
    }

    @Test
    default void favoritesAndUnfavoritesAndCountsPerUser() {
        run(api -> {
            Conduit.Account jake = api.register("jake");
            Conduit.Account anne = api.register("anne");
            String path = "/api/articles/"
                    + api.createArticle(jake, Conduit.uniqueName("Liked"), List.of())
                            .path("slug")
                            .asText();
            HttpResponse<String> favorite = api.http.post(path + "/favorite", "", anne.auth());
            assertEquals(200, favorite.statusCode(), favorite.body());
            assertTrue(api.json(favorite).path("article").path("favorited").asBoolean());
            assertEquals(
                    1, api.json(favorite).path("article").path("favoritesCount").asInt());
            assertEquals(200, api.http.post(path + "/favorite", "", anne.auth()).statusCode());
            api.http.post(path + "/favorite", "", jake.auth());
            JsonNode seenByAnne = api.json(api.http.get(path, anne.auth())).path("article");
            assertEquals(2, seenByAnne.path("favoritesCount").asInt());
            assertTrue(seenByAnne.path("favorited").asBoolean());
            assertFalse(api.json(api.http.get(path))
                    .path("article")
                    .path("favorited")
                    .asBoolean(true));
            HttpResponse<String> unfavorite = api.http.delete(path + "/favorite", anne.auth());
            assertEquals(200, unfavorite.statusCode(), unfavorite.body());
            assertFalse(api.json(unfavorite).path("article").path("favorited").asBoolean(true));
            assertEquals(
                    1,
                    api.json(unfavorite).path("article").path("favoritesCount").asInt());
        });
    }

    @Test
    default void favoriteRequiresATokenAndAnExistingArticle() {
        run(api -> {
            Conduit.Account jake = api.register("jake");
            String path = "/api/articles/"
                    + api.createArticle(jake, Conduit.uniqueName("Fav"), List.of())
                            .path("slug")
                            .asText();
            assertEquals(401, api.http.post(path + "/favorite", "").statusCode());
            assertEquals(401, api.http.delete(path + "/favorite").statusCode());
            assertEquals(
                    404, api.http.post(path + "-nope/favorite", "", jake.auth()).statusCode());
            assertEquals(
                    404, api.http.delete(path + "-nope/favorite", jake.auth()).statusCode());
        });
    }
}
