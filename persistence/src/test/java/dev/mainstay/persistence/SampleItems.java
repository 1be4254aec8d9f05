package dev.mainstay.persistence;

import static dev.mainstay.persistence.sample.jooq.Tables.SAMPLE_ITEM;

import java.time.LocalDateTime;
import org.jooq.DSLContext;

/** Writes rows of the generated {@code sample_item} table for tests. */
final class SampleItems {
    static final LocalDateTime EPOCH = LocalDateTime.of(2026, 1, 1, 0, 0);

    private SampleItems() {}

    static void insert(DSLContext dsl, long id, String name, int priority) {
        dsl.insertInto(SAMPLE_ITEM)
                .set(SAMPLE_ITEM.ID, id)
                .set(SAMPLE_ITEM.NAME, name)
                .set(SAMPLE_ITEM.PRIORITY, priority)
                .set(SAMPLE_ITEM.CREATED_AT, EPOCH.plusMinutes(id))
                .execute();
    }
}
