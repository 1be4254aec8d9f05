package ${package}.http;

import ${package}.App;
import dev.mainstay.core.Mainstay;
import dev.mainstay.core.config.Config;
import dev.mainstay.core.testing.MainstayTest;
import java.util.Map;

/**
 * The whole service, started once for a test class on a free port in the test profile, with a real
 * HTTP client. Starting once per class (not per test) keeps the suite fast; tests stay independent
 * by registering users of their own.
 */
final class RunningService implements AutoCloseable {
    private final Mainstay app;
    private final Http http;

    private RunningService(Mainstay app) {
        this.app = app;
        this.http = new Http(app.port(), app.json());
    }

    /**
     * Starts the service with the test profile's configuration and {@code overrides} on top.
     *
     * @param overrides config keys and values that win over every other layer
     * @return the started service; close it when the class is done
     */
    public static RunningService start(Map<String, String> overrides) {
        Config config = MainstayTest.testConfig(Config.load(), overrides);
        return new RunningService(Mainstay.create(config, App::configure).start());
    }

    /** Returns a client bound to the service's port. */
    public Http http() {
        return http;
    }

    /** Returns the running app, for what the HTTP API does not show (such as its routes). */
    public Mainstay app() {
        return app;
    }

    @Override
    public void close() {
        app.stop();
    }
}
