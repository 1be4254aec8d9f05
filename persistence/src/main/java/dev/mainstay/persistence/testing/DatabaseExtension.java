package dev.mainstay.persistence.testing;

import dev.mainstay.persistence.Database;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test a fresh, isolated database on one server, and drops it after the test; what
 * {@link EveryDatabase} uses for each of its runs, and usable alone where a test class must extend
 * something else (such as a contract test) and so cannot be a template:
 *
 * <pre>{@code
 * @Nested
 * class OnPostgreSql extends RefreshTokenStoreContract {
 *     @RegisterExtension
 *     final DatabaseExtension db = DatabaseExtension.postgresql();
 *
 *     protected RefreshTokenStore newStore() { return DatabaseRefreshTokenStore.create(db.database()); }
 * }
 * }</pre>
 *
 * <p>Register it on an instance field, so that it runs around each test. Before each test it checks
 * the server (skips with the reason, or fails when {@code CI=true}), and it resolves test method
 * parameters of type {@link Database} and {@link TestDatabase}. Not thread-safe: one test at a time.
 */
public final class DatabaseExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private final Server server;
    private TestDatabase current;
    private Database database;

    DatabaseExtension(Server server) {
        this.server = server;
    }

    /** Returns an extension for an in-memory H2 database per test. */
    public static DatabaseExtension h2() {
        return new DatabaseExtension(Server.H2);
    }

    /** Returns an extension for a PostgreSQL schema per test ({@code MAINSTAY_TEST_POSTGRES_URL}). */
    public static DatabaseExtension postgresql() {
        return new DatabaseExtension(Server.POSTGRESQL);
    }

    /** Returns an extension for a MariaDB database per test ({@code MAINSTAY_TEST_MARIADB_URL}). */
    public static DatabaseExtension mariadb() {
        return new DatabaseExtension(Server.MARIADB);
    }

    /**
     * Returns the current test's isolated database.
     *
     * @throws IllegalStateException outside a test
     */
    public TestDatabase target() {
        if (current == null) {
            throw new IllegalStateException("No test is running: register the extension on an instance field");
        }
        return current;
    }

    /** Returns a {@link Database} on the current test's schema with the default config, started once per test. */
    public Database database() {
        if (database == null) {
            database = target().start();
        }
        return database;
    }

    /** Checks the server, then creates the test's schema; JUnit calls this. */
    @Override
    public void beforeEach(ExtensionContext context) {
        String unreachable = server.unreachableReason();
        if (unreachable != null) {
            if (Server.onCi()) {
                Assertions.fail(unreachable + " (CI=true, so this is a failure, not a skip)");
            }
            Assumptions.abort(unreachable + " - set CI=true to make this a failure");
        }
        current = server.isolate();
    }

    /** Closes what the test started and drops its schema; JUnit calls this. */
    @Override
    public void afterEach(ExtensionContext context) {
        if (current != null) {
            TestDatabase finished = current;
            current = null;
            database = null;
            finished.drop();
        }
    }

    /** Resolves test method parameters of type {@link Database} and {@link TestDatabase}. */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestDatabase.class || type == Database.class;
    }

    /** Returns {@link #database()} or {@link #target()}, by the parameter's type. */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Database.class ? database() : target();
    }
}
