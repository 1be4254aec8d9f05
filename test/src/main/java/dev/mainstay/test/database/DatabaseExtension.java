package dev.mainstay.test.database;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class, or each of its tests, an isolated database on one server, and drops it after.
 * Register it on a {@code static} field for one database per class, on an instance field for one per
 * test (JUnit calls a static field's extension before and after all tests, an instance field's around
 * each):
 *
 * <pre>{@code
 * @RegisterExtension
 * static final DatabaseExtension db = DatabaseExtension.postgresql();     // per class
 *
 * @Test
 * void migrates(TestDatabase target) { ... target.url() ... }           // or db.target()
 * }</pre>
 *
 * <p>It applies the rule of {@link DatabaseServer} (skip, or fail under {@code CI=true}) before
 * creating anything, and resolves test method parameters of type {@link TestDatabase}. {@link
 * EveryDatabase} uses it for each of its runs. Another extension finds the current database with
 * {@link #current(ExtensionContext)}. Not thread-safe: run the tests of one class one at a time.
 */
public final class DatabaseExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(DatabaseExtension.class);

    private final DatabaseServer server;
    private TestDatabase current;
    private String owner;
    private boolean perClass;

    private DatabaseExtension(DatabaseServer server) {
        this.server = server;
    }

    /**
     * Returns an extension for an isolated database on {@code server}: per class on a static field, per
     * test on an instance field.
     *
     * @param server where to create the database
     * @return the extension, to register with {@code @RegisterExtension}
     */
    public static DatabaseExtension of(DatabaseServer server) {
        return new DatabaseExtension(server);
    }

    /**
     * Returns an extension for an in-memory H2 database.
     *
     * @return the extension, to register with {@code @RegisterExtension}
     */
    public static DatabaseExtension h2() {
        return of(DatabaseServer.H2);
    }

    /**
     * Returns an extension for a PostgreSQL schema ({@code MAINSTAY_TEST_POSTGRES_URL}).
     *
     * @return the extension; its tests are skipped when PostgreSQL is unreachable (a failure under {@code CI=true})
     */
    public static DatabaseExtension postgresql() {
        return of(DatabaseServer.POSTGRESQL);
    }

    /**
     * Returns an extension for a MariaDB database ({@code MAINSTAY_TEST_MARIADB_URL}).
     *
     * @return the extension; its tests are skipped when MariaDB is unreachable (a failure under {@code CI=true})
     */
    public static DatabaseExtension mariadb() {
        return of(DatabaseServer.MARIADB);
    }

    /**
     * Returns the isolated database of the running class or test.
     *
     * @return the database, with its URL and credentials
     * @throws IllegalStateException outside a test, or before the extension ran
     */
    public TestDatabase target() {
        if (current == null) {
            throw new IllegalStateException("No test database: is the extension registered with @RegisterExtension?");
        }
        return current;
    }

    /**
     * Returns the isolated database that the nearest {@code DatabaseExtension} (or {@link EveryDatabase}
     * run) made for {@code context}; for extensions that build on this one, such as a resolver that
     * starts a connection pool on it.
     *
     * @param context the JUnit context of the running test or class
     * @return the database made for it
     * @throws IllegalStateException when none is active for {@code context}
     */
    public static TestDatabase current(ExtensionContext context) {
        TestDatabase found = context.getStore(NAMESPACE).get(TestDatabase.class, TestDatabase.class);
        if (found == null) {
            throw new IllegalStateException("No test database for " + context.getDisplayName()
                    + ": use @EveryDatabase or register a DatabaseExtension");
        }
        return found;
    }

    /** Creates the class's database when registered on a static field; JUnit calls this. */
    @Override
    public void beforeAll(ExtensionContext context) {
        if (current == null) { // a @Nested class shares its outer class's database
            perClass = true;
            isolate(context);
        }
    }

    /** Drops the class's database after its last test; JUnit calls this. */
    @Override
    public void afterAll(ExtensionContext context) {
        if (perClass && context.getUniqueId().equals(owner)) {
            drop();
        }
    }

    /** Creates the test's database, unless the class has one; JUnit calls this. */
    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            isolate(context);
        }
    }

    /** Drops the test's database; JUnit calls this. */
    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            drop();
        }
    }

    /**
     * Resolves test method parameters of type {@link TestDatabase} when this extension's database is
     * the nearest one (an {@link EveryDatabase} run inside a class with its own database resolves its own).
     */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class
                && current != null
                && context.getStore(NAMESPACE).get(TestDatabase.class, TestDatabase.class) == current;
    }

    /** Returns {@link #target()}. */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return target();
    }

    private void isolate(ExtensionContext context) {
        current = server.isolate();
        owner = context.getUniqueId();
        context.getStore(NAMESPACE).put(TestDatabase.class, current);
    }

    private void drop() {
        if (current != null) {
            TestDatabase finished = current;
            current = null;
            owner = null;
            finished.close();
        }
    }
}
