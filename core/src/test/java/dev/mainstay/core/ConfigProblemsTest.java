package dev.mainstay.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.core.config.Config;
import dev.mainstay.core.config.ConfigException;
import dev.mainstay.core.config.ConfigProblem;
import dev.mainstay.core.config.Secret;
import dev.mainstay.core.exception.MainstayException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigProblemsTest {
    /** An application's own section, read in one bind as the README recommends. */
    record Settings(Secret apiKey, int workers) {}

    private static final Config BAD = Config.of(Map.of(
            "http.port", "80800",
            "health.timeout", "soon",
            "log.format", "xml",
            "app.api-key", "sk_live_0123456789",
            "app.workers", "-1"));

    private static void appSetup(MainstaySetup app) {
        app.config().bind(r -> {
            Secret key = r.secret("app.api-key").orElse(null);
            if (key != null && key.reveal().startsWith("sk_live_")) {
                r.secretProblem("app.api-key", "use a test key outside prod");
            }
            return new Settings(key, r.integer("app.workers", 4, 1, 64));
        });
    }

    @Test
    void reportsCoreAndApplicationProblemsAtOnce() {
        ConfigException failure =
                assertThrows(ConfigException.class, () -> Mainstay.create(BAD, ConfigProblemsTest::appSetup));
        List<String> keys = failure.problems().stream().map(ConfigProblem::key).toList();
        assertEquals(List.of("http.port", "log.format", "health.timeout", "app.api-key", "app.workers"), keys);
        assertTrue(
                failure.getMessage()
                        .contains(
                                "http.port (env MAINSTAY_HTTP_PORT) = '80800': must be a whole number from 0 to 65535"),
                failure.getMessage());
    }

    @Test
    void masksSecretsInEveryMessage() {
        ConfigException failure =
                assertThrows(ConfigException.class, () -> Mainstay.create(BAD, ConfigProblemsTest::appSetup));
        assertFalse(failure.getMessage().contains("sk_live"), failure.getMessage());
        assertTrue(
                failure.getMessage().contains("app.api-key (env MAINSTAY_APP_API_KEY) = '****'"), failure.getMessage());
    }

    @Test
    void reportsTheApplicationsProblemsWhenCoresAreFine() {
        Config config = Config.of(Map.of("app.workers", "1000"));
        ConfigException failure =
                assertThrows(ConfigException.class, () -> Mainstay.create(config, ConfigProblemsTest::appSetup));
        assertEquals(
                List.of("app.workers"),
                failure.problems().stream().map(ConfigProblem::key).toList());
    }

    @Test
    void reportsAProblemOnlyOnceWhenTheAppAlsoBindsCoresSection() {
        Config config = Config.of(Map.of("profile", "staging"));
        ConfigException failure = assertThrows(
                ConfigException.class,
                () -> Mainstay.create(config, app -> app.config().bind(ServerConfig::from)));
        assertEquals(
                List.of("profile"),
                failure.problems().stream().map(ConfigProblem::key).toList());
    }

    @Test
    void explainsAConfigFailureInOneParagraphWithoutAStackTrace() {
        ConfigException failure =
                assertThrows(ConfigException.class, () -> Mainstay.create(BAD, ConfigProblemsTest::appSetup));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StartupFailure.explain(failure, new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("Mainstay could not start. Invalid configuration (5 problems):"), text);
        assertFalse(text.contains("\tat "), text);
    }

    @Test
    void explainsAPortInUseWithTheKeyToChange() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
            Config config =
                    Config.of(Map.of("http.port", String.valueOf(taken.getLocalPort()), "http.host", "0.0.0.0"));
            Mainstay app = Mainstay.create(config, setup -> {});
            RuntimeException failure = assertThrows(RuntimeException.class, app::start);
            app.stop();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            StartupFailure.explain(failure, new PrintStream(err, true, StandardCharsets.UTF_8));
            String text = err.toString(StandardCharsets.UTF_8);
            assertTrue(text.contains("already in use") && text.contains("http.port"), text);
            assertFalse(text.contains("\tat "), text);
        }
    }

    @Test
    void explainsAFailureAModuleRaisedOnPurposeByItsMessageAlone() {
        // What persistence throws when the database cannot be reached: the message names the key and the fix.
        RuntimeException failure = new IllegalStateException(
                "start-up failed",
                new MainstayException(
                        "Cannot reach the database at db.url 'jdbc:postgresql://db:5432/app': check that it runs",
                        new java.net.ConnectException("Connection refused")));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StartupFailure.explain(failure, new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(
                "Mainstay could not start: Cannot reach the database at db.url 'jdbc:postgresql://db:5432/app':"
                        + " check that it runs",
                text.strip());
    }

    @Test
    void printsTheStackTraceOfAnUnexpectedFailure() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StartupFailure.explain(new IllegalStateException("boom"), new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("Mainstay could not start: java.lang.IllegalStateException: boom."), text);
        assertTrue(text.contains("\tat "), "an unexpected failure needs its trace: " + text);
    }
}
