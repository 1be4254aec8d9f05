package dev.mainstay.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.test.MainstayTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class RequestIdTest {
    private static void routes(MainstaySetup app) {
        app.javalin(cfg -> {
            cfg.routes.get("/id", ctx -> {
                LoggerFactory.getLogger("test.handler").info("handling");
                ctx.result(Mainstay.requestId(ctx) + "|" + MDC.get("requestId"));
            });
        });
    }

    @Test
    void honoursASaneIncomingIdAndEchoesIt() {
        MainstayTest.run(RequestIdTest::routes, (app, client) -> {
            String id = "3f2a9c1e-7b7d-4c1a-9b8e-0d6a2f1e5c4b:span.1_x";
            var response = client.get("/id", "X-Request-Id", id);
            assertEquals(id + "|" + id, response.body());
            assertEquals(id, response.headers().firstValue("X-Request-Id").orElseThrow());
        });
    }

    @Test
    void replacesAnIdThatIsTooLongOrHasUnsafeCharacters() {
        MainstayTest.run(RequestIdTest::routes, (app, client) -> {
            for (String bad : new String[] {"x".repeat(129), "a b", "id\"><script>", "line%0Abreak", "ümlaut"}) {
                String echoed = client.get("/id", "X-Request-Id", bad)
                        .headers()
                        .firstValue("X-Request-Id")
                        .orElseThrow();
                assertNotEquals(bad, echoed);
                assertTrue(echoed.matches("[0-9a-f]{16}"), echoed);
            }
            String longest = "y".repeat(128);
            assertEquals(
                    longest,
                    client.get("/id", "X-Request-Id", longest)
                            .headers()
                            .firstValue("X-Request-Id")
                            .orElseThrow());
        });
    }

    @Test
    void generatesADistinctIdForEveryRequestWithoutOne() {
        MainstayTest.run(RequestIdTest::routes, (app, client) -> {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < 50; i++) {
                ids.add(client.get("/id").headers().firstValue("X-Request-Id").orElseThrow());
            }
            assertEquals(50, ids.size());
        });
    }

    @Test
    void freshIdsStayDistinctAndWellFormedAcrossThreadsAndBatches() throws Exception {
        int threads = 4;
        int perThread = 3 * RequestIdSource.BATCH_IDS; // every thread crosses several refills
        Set<String> ids = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        String id = RequestIds.generate();
                        assertTrue(id.matches("[0-9a-f]{16}"), id);
                        ids.add(id);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(threads * perThread, ids.size());
    }

    @Test
    void putsTheIdInTheMdcOfTheHandlersLogLines() throws Exception {
        try (CapturedLogs logs = CapturedLogs.of("test.handler")) {
            MainstayTest.run(RequestIdTest::routes, (app, client) -> {
                client.get("/id", "X-Request-Id", "mdc-1");
                assertEquals("mdc-1", logs.await(e -> true).getMDCPropertyMap().get("requestId"));
            });
        }
    }
}
