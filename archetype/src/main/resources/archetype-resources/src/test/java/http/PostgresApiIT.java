package ${package}.http;

import dev.mainstay.test.MainstayApp;
import dev.mainstay.test.database.DatabaseServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The same HTTP contract as {@link H2ApiTest}, on PostgreSQL, in a schema of its own that is dropped
 * afterwards. The server is {@code MAINSTAY_TEST_POSTGRES_URL}, or the local default; when it cannot be
 * reached the suite is skipped, or fails under {@code CI=true}.
 */
class PostgresApiIT extends ApiSuite {
    @RegisterExtension
    static final MainstayApp APP = service(DatabaseServer.POSTGRESQL);

    @Override
    MainstayApp app() {
        return APP;
    }
}
