package dev.mainstay.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.core.MainstaySetup;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MainstayAppTest {
    /** How often the setup ran: once per class, not per test. */
    private static final AtomicInteger STARTS = new AtomicInteger();
    /** The base URI the first test saw, to compare with the second. */
    private static URI firstBase;

    @RegisterExtension
    static final MainstayApp app =
            MainstayApp.of(MainstayAppTest::setup).with("greeting", "hello").withRandomKey("test.secret");

    private static void setup(MainstaySetup setup) {
        STARTS.incrementAndGet();
        String greeting = setup.config().get("greeting").orElse("none");
        setup.javalin(cfg -> cfg.routes.get("/greet", ctx -> {
            LoggerFactory.getLogger("test.app").info("greeted {}", ctx.header("X-Name"));
            ctx.result(greeting + " " + ctx.header("X-Name"));
        }));
    }

    @Test
    @Order(1)
    void startsTheAppBeforeTheFirstTestWithTheOverrides() {
        firstBase = app.baseUri();
        assertEquals("hello Ada", app.client().get("/greet", "X-Name", "Ada").body());
        assertEquals("hello", app.config().get("greeting"));
        assertEquals(1, STARTS.get());
    }

    @Test
    @Order(2)
    void sharesTheSameAppWithTheNextTestOfTheClass() {
        assertEquals(firstBase, app.baseUri());
        assertEquals("http://localhost:" + app.app().port(), app.baseUri().toString());
        assertEquals(1, STARTS.get());
    }

    @Test
    @Order(3)
    void capturesTheAppsLogsAndSendsDefaultHeaders() {
        TestClient named = app.client().withHeaders("X-Name", "Grace");
        assertEquals("hello Grace", named.get("/greet").body());
        assertTrue(
                app.logs().lines().stream().anyMatch(line -> line.contains("greeted Grace")),
                app.logs().lines().toString());
    }

    @Test
    @Order(4)
    void putsTheRandomKeyInTheConfigAsBase64() {
        byte[] key = app.randomKey("test.secret");
        assertEquals(32, key.length);
        assertEquals(
                java.util.Base64.getEncoder().encodeToString(key), app.config().get("test.secret"));
    }

    @Nested
    class Inner {
        @Test
        void aNestedClassUsesTheOuterClassesApp() {
            assertEquals(firstBase == null ? app.baseUri() : firstBase, app.baseUri());
            assertEquals(1, STARTS.get());
        }
    }
}
