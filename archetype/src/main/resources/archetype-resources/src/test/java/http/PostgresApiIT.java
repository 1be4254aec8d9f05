package ${package}.http;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/**
 * The same HTTP contract as {@link H2ApiTest}, on PostgreSQL, in a schema of its own. Runs when
 * {@code MAINSTAY_TEST_POSTGRES_URL} is set (see {@link PostgresSchema}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresApiIT {
    private PostgresSchema schema;
    private RunningService service;

    @BeforeAll
    void start() {
        schema = PostgresSchema.create();
        service = RunningService.start(Map.of("db.url", schema.url()));
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
        if (schema != null) {
            schema.close();
        }
    }

    @Nested
    class Auth extends AuthContract {
        @Override
        protected RunningService service() {
            return service;
        }
    }

    @Nested
    class Notes extends NotesContract {
        @Override
        protected RunningService service() {
            return service;
        }
    }

    @Nested
    class Admin extends AdminContract {
        @Override
        protected RunningService service() {
            return service;
        }
    }

    @Nested
    class Operations extends OperationsContract {
        @Override
        protected RunningService service() {
            return service;
        }
    }
}
