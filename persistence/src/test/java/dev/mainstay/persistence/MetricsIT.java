package dev.mainstay.persistence;

import static dev.mainstay.persistence.sample.jooq.Tables.SAMPLE_ITEM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.test.database.EveryDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestDatabases.class)
class MetricsIT {

    @EveryDatabase
    void publishesPoolMetricsAndQueryTimersByTypeNeverBySql(Database db) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        db.bindTo(registry);

        SampleItems.insert(db.dsl(), 1, "one", 1);
        db.dsl().update(SAMPLE_ITEM).set(SAMPLE_ITEM.PRIORITY, 2).execute();
        db.dsl().selectFrom(SAMPLE_ITEM).fetch();
        db.dsl().selectFrom(SAMPLE_ITEM).fetch();
        db.dsl().deleteFrom(SAMPLE_ITEM).execute();
        assertThrows(DatabaseException.class, () -> db.dsl().fetch("SELECT nothing FROM nowhere"));

        String scrape = registry.scrape();
        assertTrue(scrape.contains("hikaricp_connections_active{pool=\"mainstay-db\"}"), scrape);
        assertTrue(scrape.contains("hikaricp_connections_max{pool=\"mainstay-db\"}"), scrape);
        assertTrue(scrape.contains("db_query_seconds_count{outcome=\"success\",type=\"select\"} 2"), scrape);
        assertTrue(scrape.contains("db_query_seconds_count{outcome=\"success\",type=\"insert\"} 1"), scrape);
        assertTrue(scrape.contains("db_query_seconds_count{outcome=\"success\",type=\"update\"} 1"), scrape);
        assertTrue(scrape.contains("db_query_seconds_count{outcome=\"success\",type=\"delete\"} 1"), scrape);
        assertTrue(scrape.contains("db_query_seconds_count{outcome=\"error\",type=\"select\"} 1"), scrape);
        assertFalse(scrape.toLowerCase(java.util.Locale.ROOT).contains("sample_item"), "no SQL text in any tag");
    }

    @EveryDatabase
    void healthProbesAreNotCountedAsQueries(Database db) throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        db.bindTo(registry);
        db.checkReady();
        assertEquals(
                0,
                registry.find(QueryMetrics.NAME).timers().stream()
                        .mapToLong(t -> t.count())
                        .sum());
    }

    @EveryDatabase
    void bindsOnlyOnceSoTwoRegistriesNeedAComposite(Database db) {
        db.bindTo(new SimpleMeterRegistry());
        IllegalStateException twice =
                assertThrows(IllegalStateException.class, () -> db.bindTo(new SimpleMeterRegistry()));
        assertTrue(twice.getMessage().contains("CompositeMeterRegistry"));
    }
}
