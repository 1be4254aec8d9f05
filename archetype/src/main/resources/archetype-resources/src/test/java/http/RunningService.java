package ${package}.http;

import ${package}.App;
import dev.mainstay.core.Mainstay;
import dev.mainstay.core.config.Config;
import dev.mainstay.core.testing.MainstayTest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole service, started once for a test class on a free port in the test profile, with a real
 * HTTP client. Starting once per class (not per test) keeps the suite fast; tests stay independent
 * by registering users of their own.
 *
 * <p>It signs tokens with a random key that the tests know ({@link #signingSecret}), so that they can
 * forge tokens that are right in every way but one, and prove that the one wrong thing is refused.
 */
final class RunningService implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Mainstay app;
    private final Http http;
    private final byte[] signingSecret;

    private RunningService(Mainstay app, byte[] signingSecret) {
        this.app = app;
        this.http = new Http(app.port(), app.json());
        this.signingSecret = signingSecret;
    }

    /**
     * Starts the service with the test profile's configuration and {@code overrides} on top.
     *
     * @param overrides config keys and values that win over every other layer
     * @return the started service; close it when the class is done
     */
    public static RunningService start(Map<String, String> overrides) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        Map<String, String> settings = new HashMap<>(overrides);
        settings.put("security.jwt.secret", Base64.getEncoder().encodeToString(secret));
        Config config = MainstayTest.testConfig(Config.load(), settings);
        return new RunningService(Mainstay.create(config, App::configure).start(), secret);
    }

    /** Returns a client bound to the service's port. */
    public Http http() {
        return http;
    }

    /** Returns the running app, for what the HTTP API does not show (such as its routes). */
    public Mainstay app() {
        return app;
    }

    /** Returns the HS256 secret the service signs access tokens with. */
    public byte[] signingSecret() {
        return signingSecret.clone();
    }

    @Override
    public void close() {
        app.stop();
    }
}
