package dev.mainstay.benchmarks.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IdempotentWriteTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private final NotesWithKeys notes = new NotesWithKeys();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/notes", notes::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void retriesWhatMayBeHalfDoneButNotWhatIsRefused() {
        assertTrue(IdempotentWrite.retryable(outcome(Outcome.IO_ERROR)));
        assertTrue(IdempotentWrite.retryable(outcome(Outcome.REFUSED)));
        assertTrue(IdempotentWrite.retryable(outcome(Outcome.TIMED_OUT)));
        assertTrue(IdempotentWrite.retryable(outcome(502)));
        assertTrue(IdempotentWrite.retryable(outcome(503)));
        assertTrue(IdempotentWrite.retryable(outcome(409)));
        assertFalse(IdempotentWrite.retryable(outcome(422)));
        assertFalse(IdempotentWrite.retryable(outcome(401)));
        assertEquals(List.of(100L, 200L, 400L, 800L, 1000L, 1000L),
                List.of(1, 2, 3, 4, 5, 40).stream().map(IdempotentWrite::backoffMs).collect(Collectors.toList()));
    }

    @Test
    void aRefusedKeyIsNotRetriedAndTheLineSaysSo() {
        IdempotentWrite note = new IdempotentWrite("k");
        assertTrue(note.record(outcome(502), null));
        assertFalse(note.record(outcome(422), null));
        assertFalse(note.acknowledged());
        assertEquals("k\t-\t2\t422", note.line());
    }

    /**
     * Against a server that commits each note and then loses the answer (502), then says the key is
     * in use (409), then replays the stored 201: every note is stored once, under its own key, and the
     * client is finally told the id that was stored.
     */
    @Test
    void everyNoteIsStoredOnceAndAcknowledgedWithTheStoredId() throws InterruptedException {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        Workload.User user = new Workload.User("u@reliability.example", "token", new CopyOnWriteArrayList<>());
        RunClock clock = new RunClock();
        Workload workload = new Workload(clock, List.of(base), List.of(user)).idempotentWrites(10_000);

        // Writes only, for one second from now (the clock started before the client was built).
        workload.run(2, 1.0, 0, clock.ms() + 1_000);

        List<IdempotentWrite> keyed = new ArrayList<>(workload.keyed());
        assertFalse(keyed.isEmpty());
        for (IdempotentWrite note : keyed) {
            assertTrue(note.acknowledged(), note.line());
            assertEquals(3, note.attempts(), note.line());
            String[] fields = note.line().split("\t");
            assertEquals(notes.idOf(note.key), fields[1], "the id the client was told is the stored one");
        }
        assertEquals(keyed.size(), notes.rows.size(), "one row per key");
        Set<String> titles = notes.rows.values().stream().map(r -> r.title).collect(Collectors.toSet());
        assertEquals(notes.rows.size(), titles.size(), "no two rows for one key");
        assertEquals(0, notes.mismatches.get(), "every retry sent the same body");
        assertEquals(Set.copyOf(workload.acknowledged()), Set.copyOf(notes.rows.keySet()));
        assertEquals(keyed.size(), workload.outcomes().stream().filter(o -> o.kind().equals("write")).count());
        assertEquals(2L * keyed.size(), workload.outcomes().stream().filter(o -> o.kind().equals("retry")).count());
    }

    private static Outcome outcome(int status) {
        return new Outcome("write", 0, 1, status, false);
    }

    /** The server side of the contract, with a fault on the first two attempts of every key. */
    private static final class NotesWithKeys {
        record Row(String id, String title, String body) {}

        final Map<String, Row> rows = new ConcurrentHashMap<>();
        private final Map<String, Row> byKey = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        final AtomicInteger mismatches = new AtomicInteger();

        String idOf(String key) {
            return byKey.get(key).id();
        }

        void handle(HttpExchange exchange) throws IOException {
            String header = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            if (header == null || !header.startsWith("\"") || !header.endsWith("\"")) {
                answer(exchange, 400, "{}");
                return;
            }
            String key = header.substring(1, header.length() - 1);
            int attempt = attempts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            Row stored = byKey.get(key);
            if (stored != null && !(stored.title().equals(body.get("title").asText())
                    && stored.body().equals(body.get("body").asText()))) {
                mismatches.incrementAndGet();
                answer(exchange, 422, "{}");
                return;
            }
            if (attempt == 1) {
                Row row = new Row(UUID.randomUUID().toString(), body.get("title").asText(), body.get("body").asText());
                byKey.put(key, row);
                rows.put(row.id(), row);
                answer(exchange, 502, "{}"); // committed, but the answer was lost on the way
            } else if (attempt == 2) {
                answer(exchange, 409, "{}");
            } else {
                answer(exchange, 201, JSON.writeValueAsString(Map.of("id", stored.id(), "title", stored.title())));
            }
        }

        private static void answer(HttpExchange exchange, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }
    }

    @Test
    void keysDiffer() {
        assertNotEquals(IdempotentWrite.create().key, IdempotentWrite.create().key);
    }
}
