package dev.mainstay.examples.realworld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lists of articles: filters, paging, the feed, and the tags ("Articles" and "Tags"). */
interface FeedContract extends ConduitContract {

    private static List<String> slugs(JsonNode page) {
        List<String> slugs = new ArrayList<>();
        page.path("articles").forEach(article -> slugs.add(article.path("slug").asText()));
        return slugs;
    }

    @Test
    default void listsMostRecentFirstWithoutBodiesAndCountsAllMatches() {
        run(api -> {
            Conduit.Account jake = api.register("jake");
            String tag = Conduit.uniqueName("list");
            String first = api.createArticle(jake, Conduit.uniqueName("First"), List.of(tag))
                    .path("slug")
                    .asText();
            String second = api.createArticle(jake, Conduit.uniqueName("Second"), List.of(tag))
                    .path("slug")
                    .asText();
            HttpResponse<String> response = api.http.get("/api/articles?tag=" + tag);
            assertEquals(200, response.statusCode(), response.body());
            JsonNode page = api.json(response);
            assertEquals(List.of(second, first), slugs(page));
            assertEquals(2, page.path("articlesCount").asInt());
            JsonNode article = page.path("articles").get(0);
            assertFalse(article.has("body"), "lists carry no body: " + article);
            for (String field : List.of(
                    "slug",
                    "title",
                    "description",
                    "tagList",
                    "createdAt",
                    "updatedAt",
                    "favorited",
                    "favoritesCount",
                    "author")) {
                assertTrue(article.has(field), field + " in " + article);
            }
        });
    }

    @Test
    default void filtersByTagAuthorAndFavoritedTogether() {
        run(api -> {
            Conduit.Account jake = api.register("jake");
            Conduit.Account anne = api.register("anne");
            String tag = Conduit.uniqueName("filter");
            String jakes = api.createArticle(jake, Conduit.uniqueName("By Jake"), List.of(tag))
                    .path("slug")
                    .asText();
            String annes = api.createArticle(anne, Conduit.uniqueName("By Anne"), List.of(tag, "other"))
                    .path("slug")
                    .asText();
            api.http.post("/api/articles/" + annes + "/favorite", "", jake.auth());
            assertEquals(List.of(jakes), slugs(api.json(api.http.get("/api/articles?author=" + jake.username()))));
            assertEquals(List.of(annes), slugs(api.json(api.http.get("/api/articles?favorited=" + jake.username()))));
            assertEquals(List.of(annes, jakes), slugs(api.json(api.http.get("/api/articles?tag=" + tag))));
            JsonNode both = api.json(api.http.get("/api/articles?tag=" + tag + "&author=" + anne.username()));
            assertEquals(List.of(annes), slugs(both));
            assertEquals(1, both.path("articlesCount").asInt());
            JsonNode none = api.json(api.http.get("/api/articles?author=" + Conduit.uniqueName("nobody")));
            assertEquals(0, none.path("articlesCount").asInt());
            assertEquals(0, none.path("articles").size());
        });
    }

    @Test
    default void showsFavoritedAndFollowingForTheViewer() {
        run(api -> {
            Conduit.Account jake = api.register("jake");
            Conduit.Account anne = api.register("anne");
            String slug = api.createArticle(anne, Conduit.uniqueName("Viewed"), List.of())
                    .path("slug")
                    .asText();
            api.http.post("/api/articles/" + slug + "/favorite", "", jake.auth());
            api.http.post("/api/profiles/" + anne.username() + "/follow", "", jake.auth());
            JsonNode seen = api.json(api.http.get("/api/articles?author=" + anne.username(), jake.auth()))
                    .path("articles")
                    .get(0);
            assertTrue(seen.path("favorited").asBoolean());
            assertEquals(1, seen.path("favoritesCount").asInt());
            assertTrue(seen.path("author").path("following").asBoolean());
            JsonNode anonymous = api.json(api.http.get("/api/articles?author=" + anne.username()))
                    .path("articles")
                    .get(0);
            assertFalse(anonymous.path("favorited").asBoolean(true));
            assertFalse(anonymous.path("author").path("following").asBoolean(true));
        });
    }

    @Test
    default void pagesWithLimitAndOffset() {
        run(api -> {
            Conduit.Account jake = api.register("jake");
            String tag = Conduit.uniqueName("page");
            List<String> newestFirst = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                newestFirst.add(
                        0,
                        api.createArticle(jake, Conduit.uniqueName("Page " + i), List.of(tag))
                                .path("slug")
                                .asText());
            }
            JsonNode page = api.json(api.http.get("/api/articles?tag=" + tag + "&limit=2&offset=1"));
            assertEquals(newestFirst.subList(1, 3), slugs(page));
            assertEquals(5, page.path("articlesCount").asInt());
            JsonNode beyond = api.json(api.http.get("/api/articles?tag=" + tag + "&limit=2&offset=10"));
            assertEquals(0, beyond.path("articles").size());
            assertEquals(5, beyond.path("articlesCount").asInt());
        });
    }

    @Test
    default void badPagingParametersAre422NamingTheParameter() {
        run(api -> {
            HttpResponse<String> zero = api.http.get("/api/articles?limit=0");
            assertEquals(422, zero.statusCode());
            assertTrue(api.errors(zero).contains("limit must be from 1 to 100"), zero.body());
            HttpResponse<String> text = api.http.get("/api/articles?offset=abc");
            assertEquals(422, text.statusCode());
            assertTrue(api.errors(text).contains("offset must be a whole number"), text.body());
        });
    }

    @Test
    default void theFeedHoldsOnlyArticlesOfFollowedAuthors() {
        run(api -> {
            Conduit.Account reader = api.register("reader");
            Conduit.Account followed = api.register("followed");
            Conduit.Account other = api.register("other");
            String wanted = api.createArticle(followed, Conduit.uniqueName("Wanted"), List.of())
                    .path("slug")
                    .asText();
            api.createArticle(other, Conduit.uniqueName("Unwanted"), List.of());
            api.createArticle(reader, Conduit.uniqueName("Own"), List.of());
            assertEquals(
                    0,
                    api.json(api.http.get("/api/articles/feed", reader.auth()))
                            .path("articlesCount")
                            .asInt());
            api.http.post("/api/profiles/" + followed.username() + "/follow", "", reader.auth());
            HttpResponse<String> response = api.http.get("/api/articles/feed?limit=10", reader.auth());
            assertEquals(200, response.statusCode(), response.body());
            JsonNode feed = api.json(response);
            assertEquals(List.of(wanted), slugs(feed));
            assertEquals(1, feed.path("articlesCount").asInt());
            assertTrue(feed.path("articles")
                    .get(0)
                    .path("author")
                    .path("following")
                    .asBoolean());
            assertFalse(feed.path("articles").get(0).has("body"));
        });
    }

    @Test
    default void theFeedRequiresAToken() {
        run(api -> assertEquals(401, api.http.get("/api/articles/feed").statusCode()));
    }

    @Test
    default void tagsListsTheTagsInUseSortedAndDropsThoseOfDeletedArticles() {
        run(api -> {
            Conduit.Account jake = api.register("jake");
            String zebra = "zz-" + Conduit.uniqueName("tag");
            String alpha = "aa-" + Conduit.uniqueName("tag");
            String slug = api.createArticle(jake, Conduit.uniqueName("Tagged"), List.of(zebra, alpha))
                    .path("slug")
                    .asText();
            HttpResponse<String> response = api.http.get("/api/tags");
            assertEquals(200, response.statusCode(), response.body());
            List<String> tags = new ArrayList<>();
            api.json(response).path("tags").forEach(tag -> tags.add(tag.asText()));
            assertTrue(tags.indexOf(alpha) >= 0 && tags.indexOf(alpha) < tags.indexOf(zebra), tags.toString());
            List<String> sorted = new ArrayList<>(tags);
            sorted.sort(null);
            assertEquals(sorted, tags);
            api.http.delete("/api/articles/" + slug, jake.auth());
            assertFalse(
                    api.json(api.http.get("/api/tags")).path("tags").toString().contains(zebra));
        });
    }

    /**
     * Issue 15: a page costs one statement, whatever its size and filter: the page query carries author,
     * favorited, favoritesCount, following, tagList and the total as columns. A token adds the one
     * look-up that checks it (mainstay-security's revocation hook). Counted on persistence's {@code
     * db.query} timer.
     */
    @Test
    default void aPageOfTwentyCostsOneStatementPlusOneForTheToken() {
        run(api -> {
            Conduit.Account jake = api.register("jake");
            Conduit.Account reader = api.register("reader");
            api.http.post("/api/profiles/" + jake.username() + "/follow", "", reader.auth());
            String tag = Conduit.uniqueName("paged");
            for (int i = 0; i < 21; i++) {
                api.createArticle(jake, Conduit.uniqueName("Paged"), List.of(tag, "other-" + i));
            }
            assertEquals(1, statements(api, "/api/articles?limit=20"));
            assertEquals(1, statements(api, "/api/articles?limit=20&tag=" + tag));
            assertEquals(2, statements(api, "/api/articles?limit=20&tag=" + tag, reader.auth()));
            assertEquals(2, statements(api, "/api/articles/feed?limit=20", reader.auth()));
            assertEquals(1, statements(api, "/api/articles/" + slugOfNewest(api, tag)));
            assertEquals(20, api.json(api.http.get("/api/articles/feed?limit=20", reader.auth())).path("articles").size());
        });
    }

    private static String slugOfNewest(Conduit api, String tag) {
        return api.json(api.http.get("/api/articles?limit=1&tag=" + tag)).path("articles").get(0).path("slug").asText();
    }

    private static long statements(Conduit api, String path, String... headers) {
        double before = selects(api);
        HttpResponse<String> response = api.http.get(path, headers);
        assertEquals(200, response.statusCode(), response.body());
        return Math.round(selects(api) - before);
    }

    private static double selects(Conduit api) {
        return api.http.get("/metrics").body().lines()
                .filter(line -> line.startsWith("db_query_seconds_count{")
                        && line.contains("type=\"select\"") && line.contains("outcome=\"success\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
