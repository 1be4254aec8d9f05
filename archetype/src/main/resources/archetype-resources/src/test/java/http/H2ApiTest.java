package ${package}.http;

import java.util.Map;
import java.util.UUID;

/** The HTTP contract of every endpoint, on an embedded H2 database of its own. */
class H2ApiTest extends ApiSuite {

    /** Returns config for a fresh in-memory database that no other test shares. */
    static Map<String, String> freshDatabase() {
        return Map.of("db.url", "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @Override
    protected Map<String, String> database() {
        return freshDatabase();
    }
}
