package dev.mainstay.test;

import dev.mainstay.core.Mainstay;
import dev.mainstay.core.MainstaySetup;
import dev.mainstay.core.config.Config;
import dev.mainstay.test.database.DatabaseServer;
import dev.mainstay.test.database.TestDatabase;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that starts one real app per test class and is the tests' handle on it: the
 * base URI, a {@link TestClient}, the config overrides and the captured logs. The Dropwizard {@code
 * DropwizardAppExtension} and Javalin {@code JavalinTest} idea, for Mainstay:
 *
 * <pre>{@code
 * class NotesApiTest {
 *     @RegisterExtension
 *     static final MainstayApp app = MainstayApp.of(App::configure)
 *             .with("security.password.cost", "10")
 *             .database(DatabaseServer.POSTGRESQL);
 *
 *     @Test
 *     void createsANote() {
 *         HttpResponse<String> response = app.client().post("/notes", Map.of("text", "hi"));
 *         assertEquals(201, response.statusCode(), response.body());
 *     }
 * }
 * }</pre>
 *
 * <p>Register it on a {@code static} field: the app starts before the first test of the class (port 0,
 * profile {@code test}, {@link MainstayTest#testConfig} with the overrides on top) and stops after the
 * last; {@code @Nested} classes share it. Tests stay independent by making data of their own. The app's
 * logs are held back and printed only for a test that fails (and for a start that fails). With {@link
 * #database}, an isolated database is made before the start (skipped, or failed under {@code CI=true},
 * by the rule of {@link DatabaseServer}) and dropped after the stop. Configure it before the class
 * runs; the accessors may be called from tests only, from any thread.
 */
public final class MainstayApp
        implements BeforeAllCallback, AfterAllCallback, BeforeTestExecutionCallback, AfterTestExecutionCallback {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Consumer<MainstaySetup> setup;
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private final Map<String, byte[]> randomKeys = new LinkedHashMap<>();
    private DatabaseServer databaseServer;

    private volatile Running running;
    private String owner;
    private int logMark;

    private MainstayApp(Consumer<MainstaySetup> setup) {
        this.setup = setup;
    }

    /**
     * Returns an extension for the app that {@code setup} declares (usually {@code App::configure}).
     *
     * @param setup declares the app, as given to {@code Mainstay.create}
     * @return an extension to register on a static field with {@code @RegisterExtension}
     */
    public static MainstayApp of(Consumer<MainstaySetup> setup) {
        return new MainstayApp(setup);
    }

    /**
     * Adds a config override that wins over every other layer.
     *
     * @param key the config key, e.g. {@code security.throttle.register-limit}
     * @param value its raw value
     * @return this extension, for chaining
     */
    public MainstayApp with(String key, String value) {
        overrides.put(key, value);
        return this;
    }

    /**
     * Adds config overrides that win over every other layer.
     *
     * @param values keys and raw values
     * @return this extension, for chaining
     */
    public MainstayApp with(Map<String, String> values) {
        overrides.putAll(values);
        return this;
    }

    /**
     * Sets config {@code key} to a fresh random 256-bit key, base64, and keeps it for {@link
     * #randomKey}: e.g. {@code withRandomKey("security.jwt.secret")}, so that an attack test can sign a
     * token with the app's real secret and change one other thing.
     *
     * @param key the config key that holds a base64 secret
     * @return this extension, for chaining
     */
    public MainstayApp withRandomKey(String key) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        randomKeys.put(key, secret);
        overrides.put(key, Base64.getEncoder().encodeToString(secret));
        return this;
    }

    /**
     * Runs the app on an isolated database of {@code server}: its {@link TestDatabase#config()} ({@code
     * db.url}) joins the overrides.
     *
     * @param server the database server to create the isolated database on
     * @return this extension, for chaining
     */
    public MainstayApp database(DatabaseServer server) {
        this.databaseServer = server;
        return this;
    }

    /**
     * Returns the running app, for what HTTP does not show (its routes, its meter registry).
     *
     * @return the app
     * @throws IllegalStateException if the app is not running (the extension is not registered)
     */
    public Mainstay app() {
        return running().app;
    }

    /**
     * Returns the app's main address, such as {@code http://localhost:41234}.
     *
     * @return the base URI
     * @throws IllegalStateException if the app is not running
     */
    public URI baseUri() {
        return running().client.baseUri();
    }

    /**
     * Returns a client bound to the app's main port ({@link TestClient#admin()} for the admin port).
     *
     * @return a client that writes bodies with the app's JSON mapper
     * @throws IllegalStateException if the app is not running
     */
    public TestClient client() {
        return running().client;
    }

    /**
     * Returns the overrides the app was started with, including the database's and the random keys.
     *
     * @return an unmodifiable map of keys to raw values
     * @throws IllegalStateException if the app is not running
     */
    public Map<String, String> config() {
        return running().config;
    }

    /**
     * Returns the random key set by {@link #withRandomKey(String)} for {@code key}.
     *
     * @param key the config key given to {@link #withRandomKey(String)}
     * @return a copy of the secret's bytes
     * @throws IllegalArgumentException if no random key was set for {@code key}
     */
    public byte[] randomKey(String key) {
        byte[] secret = randomKeys.get(key);
        if (secret == null) {
            throw new IllegalArgumentException("No random key for " + key + ": call withRandomKey(\"" + key + "\")");
        }
        return secret.clone();
    }

    /**
     * Returns the isolated database the app runs on; only after {@link #database(DatabaseServer)}.
     *
     * @return the database, dropped after the class's last test
     * @throws IllegalStateException if the app is not running or has no test database
     */
    public TestDatabase database() {
        TestDatabase database = running().database;
        if (database == null) {
            throw new IllegalStateException("The app has no test database: call database(DatabaseServer) first");
        }
        return database;
    }

    /**
     * Returns the app's captured logs: everything it logged since the class started.
     *
     * @return the capture, printed when a test fails
     * @throws IllegalStateException if the app is not running
     */
    public LogCapture logs() {
        return running().logs;
    }

    /** Starts the app before the class's first test; JUnit calls this. */
    @Override
    public void beforeAll(ExtensionContext context) {
        if (running != null) {
            return; // a @Nested class: the outer class's app serves it
        }
        owner = context.getUniqueId();
        running = Running.start(setup, overrides, databaseServer);
    }

    /** Stops the app (and drops its database) after the class's last test; JUnit calls this. */
    @Override
    public void afterAll(ExtensionContext context) {
        if (running != null && context.getUniqueId().equals(owner)) {
            Running finished = running;
            running = null;
            finished.close();
        }
    }

    /** Marks where this test's logs begin; JUnit calls this. */
    @Override
    public void beforeTestExecution(ExtensionContext context) {
        logMark = running().logs.size();
    }

    /** Prints this test's logs if it failed; JUnit calls this. */
    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent() && running != null) {
            running.logs.printTo(System.err, logMark);
        }
    }

    private Running running() {
        Running current = running;
        if (current == null) {
            throw new IllegalStateException(
                    "The app is not running: register MainstayApp on a static field with @RegisterExtension");
        }
        return current;
    }

    /** One started app with what it owns, closed in reverse order of start. */
    private record Running(
            Mainstay app, TestClient client, Map<String, String> config, LogCapture logs, TestDatabase database)
            implements AutoCloseable {

        static Running start(
                Consumer<MainstaySetup> setup, Map<String, String> overrides, DatabaseServer databaseServer) {
            TestDatabase database = databaseServer == null ? null : databaseServer.isolate();
            LogCapture logs = LogCapture.open();
            try {
                Map<String, String> config = new LinkedHashMap<>(overrides);
                if (database != null) {
                    database.config().forEach(config::putIfAbsent);
                }
                Mainstay app = Mainstay.create(MainstayTest.testConfig(Config.load(), config), setup)
                        .start();
                return new Running(app, MainstayTest.clientOf(app), Map.copyOf(config), logs, database);
            } catch (RuntimeException | Error failure) {
                logs.printTo(System.err);
                logs.close();
                if (database != null) {
                    database.close();
                }
                throw failure;
            }
        }

        @Override
        public void close() {
            try {
                app.stop();
            } finally {
                logs.close();
                if (database != null) {
                    database.close();
                }
            }
        }
    }
}
