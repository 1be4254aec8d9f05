package dev.mainstay.persistence.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.core.MainstaySetup;
import dev.mainstay.persistence.Database;
import dev.mainstay.test.MainstayApp;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * Idempotent POSTs over real HTTP on a real database; one subclass per database. The app's handler
 * writes a note and answers with a per-app sequence number, so a replayed answer is recognisable.
 */
abstract class IdempotencyContract {
    /** The app under test: {@code POST /notes} made idempotent, the caller named by {@code X-User}. */
    static final class NotesApp {
        volatile Database db;
        final AtomicInteger runs = new AtomicInteger();
        volatile CountDownLatch entered = new CountDownLatch(1);
        volatile CountDownLatch release = new CountDownLatch(0);

        void configure(MainstaySetup setup) {
            Database database = MainstayPersistence.install(setup);
            database.dsl().createTableIfNotExists("idem_note")
                    .column("text", org.jooq.impl.SQLDataType.VARCHAR(200).notNull())
                    .execute();
            Idempotency idempotency = MainstayPersistence.idempotency(setup, database)
                    .identifiedBy(ctx -> Objects.requireNonNullElse(ctx.header("X-User"), "anonymous"));
            setup.javalin(cfg -> cfg.routes.post("/notes", idempotency.handler(ctx -> {
                String text = ctx.bodyAsClass(Map.class).get("text").toString();
                database.dsl().insertInto(DSL.table("idem_note"), DSL.field("text")).values(text).execute();
                if (text.startsWith("hold")) {
                    entered.countDown();
                    assertTrue(release.await(30, TimeUnit.SECONDS), "released");
                }
                if (text.startsWith("fail")) {
                    runs.incrementAndGet();
                    throw new IllegalStateException("the write after the insert failed");
                }
                ctx.status(201).header("Location", "/notes/" + text).json(Map.of("text", text, "run", runs.incrementAndGet()));
            })));
            this.db = database;
        }

        int notes(String text) {
            return db.dsl().fetchCount(DSL.table("idem_note"), DSL.field("text").eq(text));
        }

        int keys() {
            return db.dsl().fetchCount(DSL.table("mainstay_idempotency"));
        }
    }

    abstract MainstayApp app();

    abstract NotesApp notes();

    private HttpResponse<String> post(String text, String key) {
        return app().client().post("/notes", Map.of("text", text), "Idempotency-Key", key, "X-User", "ann");
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    @Test
    void aRetryGetsTheFirstAnswerAndWritesNothing() {
        String key = UUID.randomUUID().toString();
        String text = unique("note");
        HttpResponse<String> first = post(text, key);
        HttpResponse<String> retry = post(text, key);

        assertEquals(201, first.statusCode(), first.body());
        assertEquals(201, retry.statusCode(), retry.body());
        assertEquals(first.body(), retry.body());
        assertEquals("/notes/" + text, retry.headers().firstValue("Location").orElseThrow());
        assertTrue(retry.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        assertEquals("true", retry.headers().firstValue("Idempotent-Replayed").orElseThrow());
        assertEquals(1, notes().notes(text), "one row");
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        String key = UUID.randomUUID().toString();
        String text = unique("note");
        assertEquals(201, post(text, key).statusCode());
        HttpResponse<String> other = post(unique("other"), key);

        assertEquals(422, other.statusCode(), other.body());
        assertEquals("application/problem+json", other.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(other.body().contains("Idempotency-Key"), other.body());
        assertEquals(1, notes().notes(text));
    }

    @Test
    void aRetryWhileTheFirstRunsIs409() throws Exception {
        String key = UUID.randomUUID().toString();
        String text = unique("hold");
        notes().entered = new CountDownLatch(1);
        notes().release = new CountDownLatch(1);
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> post(text, key));
        try {
            assertTrue(notes().entered.await(30, TimeUnit.SECONDS), "the first request is in its handler");
            HttpResponse<String> second = post(text, key);

            assertEquals(409, second.statusCode(), second.body());
            assertEquals("application/problem+json", second.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("1", second.headers().firstValue("Retry-After").orElseThrow());
        } finally {
            notes().release.countDown();
        }
        assertEquals(201, first.get(30, TimeUnit.SECONDS).statusCode());
        HttpResponse<String> later = post(text, key);
        assertEquals(201, later.statusCode());
        assertEquals(first.get().body(), later.body());
        assertEquals(1, notes().notes(text));
    }

    @Test
    void aFailedRequestStoresNoAnswerAndNoWriteSoARetryRunsAgain() {
        String key = UUID.randomUUID().toString();
        String text = unique("fail");
        int keysBefore = notes().keys();
        int runsBefore = notes().runs.get();

        assertEquals(500, post(text, key).statusCode());
        assertEquals(0, notes().notes(text), "the write was rolled back");
        assertEquals(keysBefore, notes().keys(), "no answer was stored");

        assertEquals(500, post(text, key).statusCode());
        assertEquals(runsBefore + 2, notes().runs.get(), "the retry ran the handler again");
    }

    @Test
    void withoutAKeyEveryRequestRuns() {
        String text = unique("note");
        assertEquals(201, app().client().post("/notes", Map.of("text", text)).statusCode());
        assertEquals(201, app().client().post("/notes", Map.of("text", text)).statusCode());
        assertEquals(2, notes().notes(text));
    }

    @Test
    void keysBelongToTheirCaller() {
        String key = UUID.randomUUID().toString();
        String text = unique("note");
        HttpResponse<String> ann = post(text, key);
        HttpResponse<String> bob =
                app().client().post("/notes", Map.of("text", text), "Idempotency-Key", key, "X-User", "bob");
        assertEquals(201, bob.statusCode());
        assertNotEquals(ann.body(), bob.body(), "bob's request ran");
        assertEquals(2, notes().notes(text));
    }

    @Test
    void aMalformedKeyIs400NamingTheHeader() {
        for (String key : new String[] {"", "   ", "x".repeat(256)}) {
            HttpResponse<String> response = post(unique("note"), key);
            assertEquals(400, response.statusCode(), key + ": " + response.body());
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(response.body().contains("header Idempotency-Key"), response.body());
        }
    }
}
