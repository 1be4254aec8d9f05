package dev.mainstay.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MetricsScrapeTest {
    /** Lines in the shape Micrometer's Prometheus registry writes them. */
    private static final String SCRAPE = """
            # HELP http_server_requests_seconds
            # TYPE http_server_requests_seconds summary
            http_server_requests_seconds_count{application="orders",method="GET",status="200",uri="/notes/{id}"} 3
            http_server_requests_seconds_count{application="orders",method="GET",status="404",uri="NOT_FOUND"} 1
            http_server_requests_seconds_count{application="orders",method="POST",status="200",uri="/notes/{id}"} 2.0
            jvm_gc_pause_seconds_count{action="end of minor GC",application="orders",cause="G1 Evacuation Pause"} 4
            weird_total{note="a \\"quoted\\", comma\\\\ and\\nline"} 1
            process_uptime_seconds 12.5
            jvm_gc_max_data_size_bytes{application="orders"} +Inf
            """;

    private final MetricsScrape scrape = MetricsScrape.parse(SCRAPE);

    @Test
    void sumsEverySeriesThatCarriesTheGivenLabelsWhateverItsOthers() {
        assertEquals(5, scrape.sum("http_server_requests_seconds_count", "uri", "/notes/{id}"));
        assertEquals(3, scrape.sum("http_server_requests_seconds_count", "uri", "/notes/{id}", "method", "GET"));
        assertEquals(6, scrape.sum("http_server_requests_seconds_count"));
        assertEquals(0, scrape.sum("http_server_requests_seconds_count", "uri", "/notes"));
        assertEquals(0, scrape.sum("http_server_requests_seconds"), "a name is matched whole, not as a prefix");
    }

    @Test
    void readsLabelValuesWithSpacesAndEscapesAndSeriesWithoutLabels() {
        assertTrue(scrape.has("jvm_gc_pause_seconds_count", "action", "end of minor GC", "cause", "G1 Evacuation Pause"));
        assertTrue(scrape.has("weird_total", "note", "a \"quoted\", comma\\ and\nline"));
        assertEquals(12.5, scrape.sum("process_uptime_seconds"));
        assertEquals(Double.POSITIVE_INFINITY, scrape.sum("jvm_gc_max_data_size_bytes"));
        assertFalse(scrape.has("jvm_gc_pause_seconds_count", "action", "end of major GC"));
    }

    @Test
    void namesTheLineItCannotRead() {
        IllegalArgumentException bad =
                assertThrows(IllegalArgumentException.class, () -> MetricsScrape.parse("broken{uri=\"/x\" 1\n"));
        assertTrue(bad.getMessage().endsWith("broken{uri=\"/x\" 1"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MetricsScrape.parse("no_value\n"));
        assertThrows(IllegalArgumentException.class, () -> scrape.sum("x", "uri"));
    }

    @Test
    void awaitsARequestCountedAfterItsResponseAndNamesWhatItLastSawWhenItNeverComes() {
        MainstayTest.run(
                app -> app.javalin(cfg -> cfg.routes.get("/hello", ctx -> ctx.result("hi"))),
                (app, client) -> {
                    client.get("/hello");
                    MetricsScrape seen =
                            client.awaitMetrics(m -> m.sum("http_server_requests_seconds_count", "uri", "/hello") == 1);
                    assertEquals(1, seen.sum("http_server_requests_seconds_count", "uri", "/hello", "status", "200"));

                    AssertionError never = assertThrows(
                            AssertionError.class,
                            () -> client.awaitMetrics(m -> m.has("never_published_total")));
                    assertTrue(never.getMessage().contains("http_server_requests_seconds_count{"), never.getMessage());
                });
    }
}
