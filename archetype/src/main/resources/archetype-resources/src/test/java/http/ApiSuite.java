package ${package}.http;

import ${package}.App;
import dev.mainstay.test.MainstayApp;
import dev.mainstay.test.database.DatabaseServer;
import org.junit.jupiter.api.Nested;

/**
 * Every HTTP contract, run against one service started for the whole suite on a database of its own.
 * The subclasses say which database: {@link H2ApiTest} (every build) and {@link PostgresApiIT}.
 */
abstract class ApiSuite {
    /** Returns the service on an isolated database of {@code server}, signing with a key the tests know. */
    static MainstayApp service(DatabaseServer server) {
        return MainstayApp.of(App::configure).withRandomKey("security.jwt.secret").database(server);
    }

    /** Returns the suite's service, registered by the subclass. */
    abstract MainstayApp app();

    @Nested
    class Auth extends AuthContract {
        @Override
        protected MainstayApp app() {
            return ApiSuite.this.app();
        }
    }

    @Nested
    class TokenAttacks extends TokenAttackContract {
        @Override
        protected MainstayApp app() {
            return ApiSuite.this.app();
        }
    }

    @Nested
    class Notes extends NotesContract {
        @Override
        protected MainstayApp app() {
            return ApiSuite.this.app();
        }
    }

    @Nested
    class Admin extends AdminContract {
        @Override
        protected MainstayApp app() {
            return ApiSuite.this.app();
        }
    }

    @Nested
    class Operations extends OperationsContract {
        @Override
        protected MainstayApp app() {
            return ApiSuite.this.app();
        }
    }
}
