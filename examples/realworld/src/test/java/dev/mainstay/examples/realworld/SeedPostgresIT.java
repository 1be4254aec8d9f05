package dev.mainstay.examples.realworld;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mainstay.test.MainstayApp;
import dev.mainstay.test.database.DatabaseServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The seed option on PostgreSQL, where it also refreshes the planner's statistics. */
class SeedPostgresIT {
    @RegisterExtension
    static final MainstayApp APP =
            ConduitContract.on(DatabaseServer.POSTGRESQL).with("realworld.seed.articles", "120");

    @Test
    void seedsOnPostgresqlAndTheListReadsThem() {
        // Article i has tags number i and i+1 of six, so "java" (the third) is on a third of them.
        assertEquals(40, APP.client().json(APP.client().get("/api/articles?tag=java")).path("articlesCount").asInt());
        assertEquals(120, APP.client().json(APP.client().get("/api/articles?limit=1")).path("articlesCount").asInt());
    }
}
