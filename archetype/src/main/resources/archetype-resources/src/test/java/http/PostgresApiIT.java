package ${package}.http;

import java.util.Map;

/**
 * The same HTTP contract as {@link H2ApiTest}, on PostgreSQL, in a schema of its own. Runs when
 * {@code MAINSTAY_TEST_POSTGRES_URL} is set (see {@link PostgresSchema}).
 */
class PostgresApiIT extends ApiSuite {
    private PostgresSchema schema;

    @Override
    protected Map<String, String> database() {
        schema = PostgresSchema.create();
        return Map.of("db.url", schema.url());
    }

    @Override
    protected void dropDatabase() {
        if (schema != null) {
            schema.close();
        }
    }
}
