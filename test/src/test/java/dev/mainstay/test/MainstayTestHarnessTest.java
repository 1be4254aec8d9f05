package dev.mainstay.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.core.MainstaySetup;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class MainstayTestHarnessTest {
    private final PrintStream originalErr = System.err;
    private final PrintStream originalOut = System.out;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeEach
    void captureConsole() {
        PrintStream both = new PrintStream(console, true, StandardCharsets.UTF_8);
        System.setErr(both);
        System.setOut(both);
    }

    @AfterEach
    void restoreConsole() {
        System.setErr(originalErr);
        System.setOut(originalOut);
    }

    private static void loggingApp(MainstaySetup app) {
        app.javalin(cfg -> cfg.routes.get("/log", ctx -> {
            LoggerFactory.getLogger("test.app").info("handler says hello-from-handler");
            ctx.result("ok");
        }));
    }

    private String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    @Test
    void keepsAPassingTestSilent() {
        MainstayTest.run(
                MainstayTestHarnessTest::loggingApp,
                (app, client) -> assertEquals("ok", client.get("/log").body()));
        assertFalse(console().contains("hello-from-handler"), console());
    }

    @Test
    void printsTheCapturedLogsWhenTheTestFailsAndRethrowsTheFailure() {
        AssertionError failure = new AssertionError("boom");
        AssertionError thrown = assertThrows(
                AssertionError.class,
                () -> MainstayTest.run(MainstayTestHarnessTest::loggingApp, (app, client) -> {
                    client.get("/log");
                    throw failure;
                }));
        assertSame(failure, thrown);
        assertTrue(console().contains("hello-from-handler"), console());
        assertTrue(console().contains("logs of the failed test"), console());
    }

    @Test
    void rethrowsCheckedExceptionsUnchanged() {
        assertThrows(
                IOException.class,
                () -> MainstayTest.run(app -> {}, (app, client) -> {
                    throw new IOException("disk");
                }));
    }

    @Test
    void bootsOnAFreePortWithTheTestProfileAndOverrides() {
        MainstayTest.run(
                Map.of("hello", "world"),
                app -> {
                    assertEquals("test", app.profile().id());
                    assertEquals("world", app.config().get("hello").orElseThrow());
                },
                (app, client) -> {
                    assertTrue(app.port() > 0);
                    assertEquals(200, client.get("/health/live").statusCode());
                });
    }
}
