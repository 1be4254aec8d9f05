package ${package}.http;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/** The HTTP contract of every endpoint, on an embedded H2 database of its own. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2ApiTest {
    private RunningService service;

    /** Returns config for a fresh in-memory database that no other test shares. */
    static Map<String, String> database() {
        return Map.of("db.url", "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @BeforeAll
    void start() {
        service = RunningService.start(database());
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
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
