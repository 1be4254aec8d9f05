package ${package}.http;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/**
 * Every HTTP contract, run against one service started for the whole suite. The subclasses say
 * which database: {@link H2ApiTest} (every build) and {@link PostgresApiIT} (when PostgreSQL is set).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiSuite {
    private RunningService service;

    /** Returns the {@code db.*} settings of the suite's database, creating it if need be. */
    protected abstract Map<String, String> database();

    /** Releases the database after the service has stopped; nothing by default. */
    protected void dropDatabase() {}

    @BeforeAll
    void start() {
        service = RunningService.start(database());
    }

    @AfterAll
    void stop() {
        try {
            if (service != null) {
                service.close();
            }
        } finally {
            dropDatabase();
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
    class TokenAttacks extends TokenAttackContract {
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
