package dev.mainstay.examples.realworld;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mainstay.core.testing.MainstayTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The seed option on PostgreSQL, where it also refreshes the planner's statistics. */
class SeedPostgresIT {
    @RegisterExtension
    static final PostgresSchema SCHEMA = new PostgresSchema();

    @Test
    void seedsOnPostgresqlAndTheListReadsThem() {
        Map<String, String> config = new HashMap<>(TestConfig.FAST_HASHING);
        config.put("db.url", SCHEMA.url());
        config.put("realworld.seed.articles", "120");
        MainstayTest.run(config, RealWorldApp::setup, (app, client) -> {
            // Article i has tags number i and i+1 of six, so "java" (the third) is on a third of them.
            assertEquals(
                    40,
                    client.json(client.get("/api/articles?tag=java"))
                            .path("articlesCount")
                            .asInt());
            assertEquals(
                    120,
                    client.json(client.get("/api/articles?limit=1"))
                            .path("articlesCount")
                            .asInt());
        });
    }
}
