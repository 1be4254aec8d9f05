package dev.mainstay.examples.realworld.api;

import dev.mainstay.core.problem.Validation;
import dev.mainstay.examples.realworld.service.Paging;
import io.javalin.http.Context;

/** Reads {@code ?limit} and {@code ?offset}; a bad value is a 422 that names the parameter. */
final class PagingParams {
    private static final int MAX_OFFSET = 1_000_000;

    private PagingParams() {}

    static Paging of(Context ctx) {
        Validation v = Validation.start();
        int limit =
                number(v, "?limit", ctx.queryParam("limit"), Paging.DEFAULT_LIMIT, Paging.MIN_LIMIT, Paging.MAX_LIMIT);
        int offset = number(v, "?offset", ctx.queryParam("offset"), 0, 0, MAX_OFFSET);
        v.throwIfInvalid();
        return new Paging(limit, offset);
    }

    private static int number(Validation v, String pointer, String raw, int defaultValue, int min, int max) {
        if (raw == null || raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw);
            v.range(pointer, value, min, max);
            return value >= min && value <= max ? value : defaultValue;
        } catch (NumberFormatException e) {
            v.check(false, pointer, "must be a whole number from " + min + " to " + max);
            return defaultValue;
        }
    }
}
