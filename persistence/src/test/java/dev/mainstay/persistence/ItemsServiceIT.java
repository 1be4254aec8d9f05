package dev.mainstay.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mainstay.test.MainstayTest;
import dev.mainstay.persistence.ItemsService.Item;
import dev.mainstay.test.database.EveryDatabase;
import dev.mainstay.test.database.TestDatabase;
import java.net.http.HttpResponse;
import java.util.Map;

/** The README's service, booted for real on port 0 and called over HTTP, on every database. */
class ItemsServiceIT {

    @EveryDatabase
    void servesPagesConflictsAndBadCursorsAsTheReadmeSays(TestDatabase target) {
        MainstayTest.run(Map.of("db.url", target.url()), ItemsService::setup, (app, client) -> {
            for (int id = 1; id <= 3; id++) {
                assertEquals(
                        201,
                        client.post("/items", new Item(id, "item " + id, id % 2))
                                .statusCode());
            }

            HttpResponse<String> duplicate = client.post("/items", new Item(9, "item 1", 0));
            assertEquals(409, duplicate.statusCode(), duplicate.body());
            assertEquals(
                    "application/problem+json",
                    duplicate.headers().firstValue("Content-Type").orElse(""));

            JsonNode first = client.json(client.get("/items?limit=2"));
            assertEquals(1, first.path("items").get(0).path("id").asInt(), first.toString());
            assertEquals(2, first.path("items").size());
            JsonNode second = client.json(client.get(
                    "/items?limit=2&cursor=" + first.path("nextCursor").asText()));
            assertEquals(1, second.path("items").size(), second.toString());
            assertTrue(second.path("nextCursor").isNull(), second.toString());

            HttpResponse<String> badCursor = client.get("/items?cursor=not-a-cursor");
            assertEquals(400, badCursor.statusCode(), badCursor.body());
            assertTrue(badCursor.body().contains("?cursor"), badCursor.body());
            for (String limit : new String[] {"ten", "%2B5", "-0", "%D9%A5"}) { // %D9%A5 is an Arabic-Indic 5
                HttpResponse<String> badLimit = client.get("/items?limit=" + limit);
                assertEquals(400, badLimit.statusCode(), limit + ": " + badLimit.body());
                assertTrue(badLimit.body().contains("\"?limit\""), badLimit.body());
                assertEquals(
                        "application/problem+json",
                        badLimit.headers().firstValue("Content-Type").orElse(""));
            }

            assertEquals(200, client.admin().get("/health/ready").statusCode());
            String metrics = client.admin().get("/metrics").body();
            assertTrue(metrics.contains("hikaricp_connections_active"), "pool metrics");
            assertTrue(metrics.contains("db_query_seconds_count{application=\"mainstay-app\",outcome=\"success\",type=\"insert\"} 3"), metrics);
        });
    }
}
