package dev.mainstay.examples.realworld;

import dev.mainstay.core.testing.MainstayTest;
import java.util.HashMap;
import java.util.Map;

/**
 * The HTTP test suite of every spec operation, run against a real server on port 0 and a real database.
 * Subclasses choose the database: {@link RealWorldH2Test} (fast, always) and {@link RealWorldPostgresIT}.
 *
 * <p>The tests live in one interface per resource; they share the database of their class and stay
 * independent by registering users with unique names.
 */
abstract class RealWorldSuite
        implements UserContract, ProfileContract, ArticleContract, FeedContract, CommentContract, CorsContract {

    /** Returns the {@code db.*} keys of the database this suite runs on. */
    abstract Map<String, String> databaseConfig();

    @Override
    public void run(Scenario scenario) {
        Map<String, String> config = new HashMap<>(TestConfig.FAST_HASHING);
        config.put("security.cors.allowed-origins", CorsContract.FRONT_END);
        config.putAll(databaseConfig());
        MainstayTest.run(config, RealWorldApp::setup, (app, client) -> scenario.accept(new Conduit(client)));
    }
}
