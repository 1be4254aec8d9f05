package dev.mainstay.examples.realworld;

import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole HTTP suite on PostgreSQL, in a schema of its own that is dropped afterwards. Each test is
 * skipped, with the reason, when PostgreSQL cannot be reached, unless {@code CI=true}: then it fails.
 */
class RealWorldPostgresIT extends RealWorldSuite {
    @RegisterExtension
    static final PostgresSchema SCHEMA = new PostgresSchema();

    @Override
    Map<String, String> databaseConfig() {
        return Map.of("db.url", SCHEMA.url());
    }
}
