package dev.mainstay.examples.realworld;

import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The hostile-input suite on PostgreSQL, which refuses some text H2 stores (NUL), in a schema of its own.
 * Each test is skipped, with the reason, when PostgreSQL cannot be reached, unless {@code CI=true}.
 */
class HostileInputPostgresIT extends HostileSuite {
    @RegisterExtension
    static final PostgresSchema SCHEMA = new PostgresSchema();

    @Override
    Map<String, String> databaseConfig() {
        return Map.of("db.url", SCHEMA.url());
    }
}
