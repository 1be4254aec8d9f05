package dev.mainstay.benchmarks.load;

import dev.mainstay.benchmarks.Items;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.Map;

/**
 * The handlers both servers share, so that the only difference between them is what wraps the
 * handlers (Mainstay or nothing) and how a row is read (jOOQ through {@code Database}, or raw JDBC).
 */
final class Routes {
    /** The body of {@code GET /json}: the TechEmpower "JSON serialization" message. */
    record Message(String message) {}

    private static final Message HELLO = new Message("Hello, World!");

    private Routes() {}

    /** {@code GET /json}: one small object through the app's JSON mapper. */
    static void json(Context ctx) {
        ctx.json(HELLO);
    }

    /** {@code GET /items/{id}}: the row, or 404. */
    static void item(Context ctx, Items.Item item) {
        if (item == null) {
            throw new NotFoundResponse("No item with this id");
        }
        ctx.json(item);
    }

    /** The {@code id} path parameter of {@code /items/{id}}; a non-number is a 400 on both servers. */
    static long id(Context ctx) {
        return ctx.pathParamAsClass("id", Long.class).get();
    }

    /**
     * {@code GET /validate?limit=n}: echoes a limit of 1..100. The load harness sends {@code limit=abc}
     * to measure the error path: a 400 as problem+json on Mainstay, Javalin's own 400 on the baseline.
     */
    static void validate(Context ctx) {
        int limit = ctx.queryParamAsClass("limit", Integer.class)
                .check(value -> value >= 1 && value <= 100, "must be from 1 to 100")
                .get();
        ctx.json(Map.of("limit", limit));
    }
}
