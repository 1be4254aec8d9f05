package dev.mainstay.test;

import dev.mainstay.core.Mainstay;
import dev.mainstay.core.MainstaySetup;
import dev.mainstay.core.config.Config;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Boots a real app for one test: port 0, profile {@code test}, a real HTTP client, and the app's logs
 * printed only when the test fails. Works with any test framework; it needs none. For one app shared by
 * the tests of a class, use {@link MainstayApp}.
 *
 * <pre>{@code
 * @Test
 * void greetsByName() {
 *     MainstayTest.run(Hello::setup, (app, client) -> {
 *         HttpResponse<String> response = client.get("/hello?name=Ada");
 *         assertEquals(200, response.statusCode());
 *     });
 * }
 * }</pre>
 *
 * <p>The configuration is the process's own ({@link Config#load()}, so {@code application.properties}
 * and {@code application-test.properties} apply) with {@code profile=test}, {@code http.port=0} and,
 * if an admin port is configured, {@code admin.port=0}; the given overrides win over all of it.
 */
public final class MainstayTest {
    private MainstayTest() {}

    /** What a test does with the running app. */
    @FunctionalInterface
    public interface Body {
        /**
         * Runs the test.
         *
         * @param app the started app
         * @param client a client bound to the app's main port
         * @throws Exception anything; the test fails and the captured logs are printed
         */
        void accept(Mainstay app, TestClient client) throws Exception;
    }

    /**
     * Boots the app that {@code setup} declares, runs {@code body} against it, and stops it.
     *
     * @param setup declares the app, as given to {@code Mainstay.create}
     * @param body the test; when it fails, the app's captured logs are printed to stderr
     */
    public static void run(Consumer<MainstaySetup> setup, Body body) {
        run(Map.of(), setup, body);
    }

    /**
     * Like {@link #run(Consumer, Body)}, with config {@code overrides} (key to value) that win over all layers.
     *
     * @param overrides config keys and raw values
     * @param setup declares the app, as given to {@code Mainstay.create}
     * @param body the test; when it fails, the app's captured logs are printed to stderr
     */
    public static void run(Map<String, String> overrides, Consumer<MainstaySetup> setup, Body body) {
        run(testConfig(Config.load(), overrides), setup, body);
    }

    /**
     * Like {@link #run(Consumer, Body)}, on exactly {@code config} (use it to test config handling itself).
     *
     * @param config the whole configuration; nothing is added, not even a free port
     * @param setup declares the app, as given to {@code Mainstay.create}
     * @param body the test; when it fails, the app's captured logs are printed to stderr
     */
    public static void run(Config config, Consumer<MainstaySetup> setup, Body body) {
        try (LogCapture logs = LogCapture.open()) {
            try (Mainstay app = Mainstay.create(config, setup).start()) {
                body.accept(app, clientOf(app));
            } catch (Throwable failure) {
                logs.printTo(System.err);
                throw MainstayTest.<RuntimeException>sneaky(failure);
            }
        }
    }

    /**
     * Returns {@code config} as a test sees it: profile test, free ports, then {@code overrides}.
     *
     * @param config the configuration to start from, usually {@code Config.load()}
     * @param overrides config keys and raw values that win over the test settings
     * @return a new configuration
     */
    public static Config testConfig(Config config, Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        values.put("profile", "test");
        values.put("http.port", "0");
        if (config.get("admin.port").isPresent()) {
            values.put("admin.port", "0");
        }
        values.putAll(overrides);
        return config.with(values);
    }

    /** Returns a client for {@code app}'s main port, whose {@link TestClient#admin()} is its admin port. */
    static TestClient clientOf(Mainstay app) {
        URI main = URI.create("http://localhost:" + app.port());
        URI admin = URI.create("http://localhost:" + app.adminPort());
        return new TestClient(main, admin, app.json());
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable failure) throws T {
        // Rethrows checked exceptions unchanged, so the test report shows the real failure.
        throw (T) failure;
    }
}
