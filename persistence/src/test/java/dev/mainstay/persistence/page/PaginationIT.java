package dev.mainstay.persistence.page;

import static dev.mainstay.persistence.sample.jooq.Tables.SAMPLE_ITEM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mainstay.persistence.Database;
import dev.mainstay.persistence.sample.jooq.tables.records.SampleItemRecord;
import dev.mainstay.test.database.EveryDatabase;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.jooq.DSLContext;
import dev.mainstay.persistence.TestDatabases;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestDatabases.class)
class PaginationIT {
    private static final int ROWS = 45;
    /** Three priorities for 45 rows: long runs of ties that only the id breaks. */
    private static final Keyset BY_PRIORITY_THEN_ID = Keyset.of(SAMPLE_ITEM.PRIORITY.desc(), SAMPLE_ITEM.ID.asc());

    private static final Keyset BY_NEWEST = Keyset.of(SAMPLE_ITEM.CREATED_AT.desc(), SAMPLE_ITEM.ID.desc());

    @EveryDatabase
    void keysetWalksEveryRowOnceInStableOrderDespiteTies(Database db) {
        insertRows(db);
        List<Long> walked = walk(request -> BY_PRIORITY_THEN_ID.fetch(db.dsl().selectFrom(SAMPLE_ITEM), request), 10);
        assertEquals(byPriorityThenId(), walked);
    }

    @EveryDatabase
    void keysetOverTimestampsContinuesExactlyAfterTheLastRow(Database db) {
        insertRows(db);
        List<Long> walked = walk(request -> BY_NEWEST.fetch(db.dsl().selectFrom(SAMPLE_ITEM), request), 7);
        assertEquals(
                LongStream.rangeClosed(1, ROWS).map(i -> ROWS + 1 - i).boxed().toList(), walked);
    }

    @EveryDatabase
    void keysetIsNotDisturbedByRowsInsertedBeforeTheCursor(Database db) {
        insertRows(db);
        Page<SampleItemRecord> first =
                BY_PRIORITY_THEN_ID.fetch(db.dsl().selectFrom(SAMPLE_ITEM), PageRequest.of(5, null));
        insert(db.dsl(), 1000, 9); // sorts before every row already read
        Page<SampleItemRecord> second =
                BY_PRIORITY_THEN_ID.fetch(db.dsl().selectFrom(SAMPLE_ITEM), PageRequest.of(5, first.nextCursor()));
        assertEquals(
                byPriorityThenId().subList(5, 10),
                second.map(SampleItemRecord::getId).items());
    }

    @EveryDatabase
    void offsetWalksEveryRowOnce(Database db) {
        insertRows(db);
        List<Long> walked = walk(
                request -> Offset.fetch(
                        db.dsl().selectFrom(SAMPLE_ITEM).orderBy(SAMPLE_ITEM.NAME, SAMPLE_ITEM.ID), request),
                20);
        assertEquals(ROWS, walked.size());
        assertEquals(ROWS, walked.stream().distinct().count());
    }

    @EveryDatabase
    void emptyTableGivesOneEmptyLastPage(Database db) {
        Page<SampleItemRecord> page = BY_NEWEST.fetch(db.dsl().selectFrom(SAMPLE_ITEM), PageRequest.of(null, null));
        assertEquals(List.of(), page.items());
        assertNull(page.nextCursor());
    }

    @EveryDatabase
    void cursorOfAnotherListingIsA400NamingTheCursor(Database db) {
        insertRows(db);
        String cursor = BY_NEWEST
                .fetch(db.dsl().selectFrom(SAMPLE_ITEM), PageRequest.of(5, null))
                .nextCursor();
        InvalidPageRequestException refused = assertThrows(
                InvalidPageRequestException.class,
                () -> BY_PRIORITY_THEN_ID.fetch(db.dsl().selectFrom(SAMPLE_ITEM), PageRequest.of(5, cursor)));
        assertEquals("cursor", refused.parameter());
    }

    private static List<Long> walk(Function<PageRequest, Page<SampleItemRecord>> fetch, int limit) {
        List<Long> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<SampleItemRecord> page = fetch.apply(PageRequest.of(limit, cursor));
            page.items().forEach(r -> ids.add(r.getId()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 100);
        assertEquals((ROWS + limit - 1) / limit, pages, "page count");
        return ids;
    }

    private static void insertRows(Database db) {
        db.transaction(tx -> LongStream.rangeClosed(1, ROWS).forEach(id -> insert(tx, id, priority(id))));
    }

    private static void insert(DSLContext dsl, long id, int priority) {
        dsl.insertInto(SAMPLE_ITEM)
                .set(SAMPLE_ITEM.ID, id)
                .set(SAMPLE_ITEM.NAME, "item-" + (id % 4) + "-" + id)
                .set(SAMPLE_ITEM.PRIORITY, priority)
                .set(
                        SAMPLE_ITEM.CREATED_AT,
                        LocalDateTime.of(2026, 1, 1, 0, 0).plusSeconds(id * 61).plusNanos(id * 1000))
                .execute();
    }

    private static List<Long> byPriorityThenId() {
        return LongStream.rangeClosed(1, ROWS)
                .boxed()
                .sorted(Comparator.comparing((Long id) -> -priority(id)).thenComparing(id -> id))
                .toList();
    }

    private static int priority(long id) {
        return (int) (id % 3);
    }
}
