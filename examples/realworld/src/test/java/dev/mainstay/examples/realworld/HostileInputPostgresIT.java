package dev.mainstay.examples.realworld;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The hostile-input suite on PostgreSQL, which refuses some text H2 stores (NUL), in a schema of its own.
 * Each test is skipped, with the reason, when PostgreSQL cannot be reached, unless {@code CI=true}.
 */
class HostileInputPostgresIT extends HostileSuite {
    private static PostgresSchema schema;

    @BeforeAll
    static void createSchema() {
        schema = PostgresSchema.createIfReachable();
    }

    @AfterAll
    static void dropSchema() {
        if (schema != null) {
            schema.drop();
        }
    }

    @BeforeEach
    void skipWithoutPostgres() {
        PostgresSchema.skipIfUnreachable();
    }

    @Override
    Map<String, String> databaseConfig() {
        return Map.of("db.url", schema.url());
    }
}
