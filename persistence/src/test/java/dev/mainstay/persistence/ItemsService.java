package dev.mainstay.persistence;

import static dev.mainstay.persistence.sample.jooq.Tables.SAMPLE_ITEM;

import dev.mainstay.core.Json;
import dev.mainstay.core.MainstaySetup;
import dev.mainstay.persistence.page.Keyset;
import dev.mainstay.persistence.page.Page;
import dev.mainstay.persistence.page.PageRequest;
import dev.mainstay.persistence.sample.jooq.tables.records.SampleItemRecord;
import dev.mainstay.persistence.web.MainstayPersistence;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** The README's example service, verbatim: a Mainstay app with a database, a listing and an insert. */
final class ItemsService {
    record Item(long id, String name, int priority) {
        static Item of(SampleItemRecord row) {
            return new Item(row.getId(), row.getName(), row.getPriority());
        }
    }

    static final Keyset BY_PRIORITY = Keyset.of(SAMPLE_ITEM.PRIORITY.desc(), SAMPLE_ITEM.ID.asc());

    private ItemsService() {}

    static void setup(MainstaySetup app) {
        Database db = MainstayPersistence.install(app); // config, pool, metrics, readiness, problems

        app.javalin(cfg -> {
            cfg.routes.get("/items", ctx -> {
                PageRequest request = PageRequest.parse(ctx.queryParam("limit"), ctx.queryParam("cursor"));
                Page<Item> page = BY_PRIORITY
                        .fetch(db.dsl().selectFrom(SAMPLE_ITEM), request)
                        .map(Item::of);
                ctx.json(page);
            });
            cfg.routes.post("/items", ctx -> {
                Item item = Json.body(ctx, Item.class); // bad JSON answers a 4xx problem
                db.transaction(tx -> tx.insertInto(SAMPLE_ITEM)
                        .set(SAMPLE_ITEM.ID, item.id())
                        .set(SAMPLE_ITEM.NAME, item.name())
                        .set(SAMPLE_ITEM.PRIORITY, item.priority())
                        .set(SAMPLE_ITEM.CREATED_AT, LocalDateTime.now(ZoneOffset.UTC))
                        .execute()); // a duplicate name answers 409 (UniqueViolationException)
                ctx.status(201).json(item);
            });
        });
    }
}
