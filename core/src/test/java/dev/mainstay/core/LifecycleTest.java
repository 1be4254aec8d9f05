package dev.mainstay.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.core.config.Config;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LifecycleTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Config config(Map<String, String> extra) {
        Map<String, String> values = new java.util.HashMap<>(Map.of("http.port", "0", "profile", "test"));
        values.putAll(extra);
        return Config.of(values);
    }

    private static CompletableFuture<HttpResponse<String>> getAsync(int port, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private static int status(int port, String path) throws Exception {
        return getAsync(port, path).get(5, TimeUnit.SECONDS).statusCode();
    }

    @Test
    void drainsAnInFlightRequestThenClosesResourcesInReverseOrder() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> events = new CopyOnWriteArrayList<>();
        Mainstay app = Mainstay.create(config(Map.of("admin.port", "0")), setup -> {
                    setup.manage(() -> events.add("pool closed"));
                    setup.manage(() -> events.add("client closed"));
                    setup.javalin(cfg -> cfg.routes.get("/slow", ctx -> {
                        entered.countDown();
                        release.await();
                        events.add("slow request finished");
                        ctx.result("done");
                    }));
                })
                .start();
        CompletableFuture<HttpResponse<String>> slow = getAsync(app.port(), "/slow");
        assertTrue(entered.await(5, TimeUnit.SECONDS));

        Thread stopper = new Thread(app::stop);
        stopper.start();
        // Readiness (here on the admin port, which closes last) turns 503 while the request drains.
        int ready = 200;
        for (int i = 0; i < 100 && ready == 200; i++) {
            ready = status(app.adminPort(), "/health/ready");
            Thread.sleep(20);
        }
        assertEquals(503, ready);
        assertTrue(stopper.isAlive(), "stop() must wait for the in-flight request");
        assertTrue(events.isEmpty(), "nothing closes before the drain: " + events);

        release.countDown();
        assertEquals("done", slow.get(5, TimeUnit.SECONDS).body());
        stopper.join(5_000);
        assertFalse(stopper.isAlive());
        assertEquals(List.of("slow request finished", "client closed", "pool closed"), events);
    }

    @Test
    void turnsReadinessTo503DuringTheShutdownDelayWhileStillServing() throws Exception {
        Mainstay app = Mainstay.create(
                        config(Map.of("shutdown.delay", "1s")),
                        setup -> setup.javalin(cfg -> cfg.routes.get("/work", ctx -> ctx.result("ok"))))
                .start();
        assertEquals(200, status(app.port(), "/health/ready"));
        Thread stopper = new Thread(app::stop);
        stopper.start();
        int ready = 200;
        for (int i = 0; i < 40 && ready == 200; i++) {
            ready = status(app.port(), "/health/ready");
        }
        assertEquals(503, ready);
        assertEquals(200, status(app.port(), "/work"));
        stopper.join(5_000);
        assertFalse(stopper.isAlive());
    }

    @Test
    void closesManagedResourcesWhenSetupFails() {
        List<String> closed = new CopyOnWriteArrayList<>();
        IllegalStateException failure = assertThrows(
                IllegalStateException.class,
                () -> Mainstay.create(config(Map.of()), setup -> {
                    setup.manage(() -> closed.add("pool"));
                    throw new IllegalStateException("migration failed");
                }));
        assertEquals("migration failed", failure.getMessage());
        assertEquals(List.of("pool"), closed);
    }

    @Test
    void closesManagedResourcesWhenAJavalinConfigurerFails() {
        List<String> closed = new CopyOnWriteArrayList<>();
        assertThrows(
                IllegalArgumentException.class,
                () -> Mainstay.create(config(Map.of()), setup -> {
                    setup.manage(() -> closed.add("pool"));
                    setup.javalin(cfg -> {
                        throw new IllegalArgumentException("bad plugin");
                    });
                }));
        assertEquals(List.of("pool"), closed);
    }

    @Test
    void startsOnceAndStopsIdempotently() {
        Mainstay app = Mainstay.create(config(Map.of()), setup -> {}).start();
        assertThrows(IllegalStateException.class, app::start);
        app.stop();
        app.close();
    }

    @Test
    void keepsClosingResourcesWhenOneFailsToClose() {
        List<String> closed = new CopyOnWriteArrayList<>();
        Mainstay app = Mainstay.create(config(Map.of()), setup -> {
                    setup.manage(() -> closed.add("first"));
                    setup.manage(() -> {
                        throw new IllegalStateException("cannot close");
                    });
                })
                .start();
        app.stop();
        assertEquals(List.of("first"), closed);
    }
}
