package dev.mainstay.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.core.config.Config;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnector;
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

    /**
     * A request quiet in its handler keeps its connection's idle timeout through the stop: shortened,
     * it could fire as the handler returned and lose the response (see {@link ConnectionDrain}). An
     * idle keep-alive connection is closed after {@value ConnectionDrain#IDLE_AT_SHUTDOWN_MS} ms.
     */
    @Test
    void stopClosesIdleKeepAliveConnectionsButLeavesOnesAwaitingAResponseTheirIdleTimeout() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Mainstay app = Mainstay.create(config(Map.of()), setup -> setup.javalin(cfg -> {
                    cfg.routes.get("/fast", ctx -> ctx.result("fast"));
                    cfg.routes.get("/slow", ctx -> {
                        entered.countDown();
                        release.await();
                        ctx.result("finished");
                    });
                }))
                .start();
        try (Socket idle = new Socket("127.0.0.1", app.port());
                Socket busy = new Socket("127.0.0.1", app.port())) {
            idle.setSoTimeout(5_000);
            busy.setSoTimeout(5_000);
            send(idle, "/fast");
            assertTrue(readResponse(idle).endsWith("fast"));
            send(busy, "/slow");
            assertTrue(entered.await(5, TimeUnit.SECONDS));
            AbstractConnector connector =
                    (AbstractConnector) app.javalin().jettyServer().server().getConnectors()[0];

            Thread stopper = new Thread(app::stop);
            stopper.start();
            assertEquals(-1, idle.getInputStream().read(), "the idle connection is closed");
            EndPoint busyEndPoint = connector.getConnectedEndPoints().stream()
                    .filter(endPoint -> endPoint.getRemoteSocketAddress() instanceof InetSocketAddress remote
                            && remote.getPort() == busy.getLocalPort())
                    .findFirst()
                    .orElseThrow();
            assertEquals(connector.getIdleTimeout(), busyEndPoint.getIdleTimeout());
            assertTrue(stopper.isAlive(), "stop() waits for the request in flight");

            release.countDown();
            String response = readResponse(busy);
            assertTrue(response.contains("Connection: close"), response);
            assertTrue(response.endsWith("finished"), response);
            stopper.join(5_000);
            assertFalse(stopper.isAlive());
        } finally {
            release.countDown();
            app.stop();
        }
    }

    private static void send(Socket socket, String path) throws IOException {
        socket.getOutputStream()
                .write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    /** One response with a {@code Content-Length}; the connection stays open unless the server closes it. */
    private static String readResponse(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return head.toString();
            }
            head.append((char) b);
        }
        int length = Integer.parseInt(head.toString().replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    @Test
    void turnsReadinessTo503DuringTheShutdownDelayWhileStillServing() throws Exception {
        // A delay far longer than the test, so no timing decides what it sees; the interrupt ends it.
        Mainstay app = Mainstay.create(
                        config(Map.of("shutdown.delay", "60s")),
                        setup -> setup.javalin(cfg -> cfg.routes.get("/work", ctx -> ctx.result("ok"))))
                .start();
        assertEquals(200, status(app.port(), "/health/ready"));
        Thread stopper = new Thread(app::stop);
        stopper.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        int ready = 200;
        while (ready == 200 && System.nanoTime() - deadline < 0) {
            ready = status(app.port(), "/health/ready");
        }
        assertEquals(503, ready);
        assertEquals(200, status(app.port(), "/work"));
        stopper.interrupt(); // stop now, without the rest of the delay
        stopper.join(20_000);
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
