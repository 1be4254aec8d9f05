package dev.mainstay.examples.realworld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mainstay.test.MainstayTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code realworld.seed.articles} fills the database for load tests, once. */
class SeedTest {

    @Test
    void seedsTheAskedNumberOfArticlesAndNoMoreOnRestart() {
        Map<String, String> config = new HashMap<>(Map.of("security.password.cost", "10"));
        config.put("db.url", "jdbc:h2:mem:seed-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        config.put("realworld.seed.articles", "130");
        for (int boot = 0; boot < 2; boot++) {
            MainstayTest.run(config, RealWorldApp::setup, (app, client) -> {
                JsonNode page = client.json(client.get("/api/articles?limit=5"));
                assertEquals(130, page.path("articlesCount").asInt());
                assertEquals(5, page.path("articles").size());
                JsonNode newest = page.path("articles").get(0);
                assertEquals("seeded-article-129", newest.path("slug").asText());
                assertEquals(2, newest.path("tagList").size());
                assertTrue(client.json(client.get("/api/tags")).path("tags").size() > 2);
                assertEquals(200, client.get("/api/articles/seeded-article-0").statusCode());
            });
        }
    }

    @Test
    void aNegativeSeedCountIsAStartupProblemNamingTheKey() {
        Map<String, String> config = new HashMap<>(Map.of("security.password.cost", "10"));
        config.put("db.url", "jdbc:h2:mem:seed-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        config.put("realworld.seed.articles", "-1");
        RuntimeException failure = org.junit.jupiter.api.Assertions.assertThrows(
                RuntimeException.class, () -> MainstayTest.run(config, RealWorldApp::setup, (app, client) -> {}));
        assertTrue(failure.getMessage().contains("realworld.seed.articles"), failure.getMessage());
    }
}
