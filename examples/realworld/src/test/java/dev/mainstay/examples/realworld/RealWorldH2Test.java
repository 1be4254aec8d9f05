package dev.mainstay.examples.realworld;

import java.util.Map;
import java.util.UUID;

/** The whole HTTP suite on H2, the zero-configuration database; fast, so it runs on every build. */
class RealWorldH2Test extends RealWorldSuite {
    private static final String URL = "jdbc:h2:mem:realworld-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @Override
    Map<String, String> databaseConfig() {
        return Map.of("db.url", URL);
    }
}
