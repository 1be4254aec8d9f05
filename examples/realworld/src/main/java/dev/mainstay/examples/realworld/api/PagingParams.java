package dev.mainstay.examples.realworld.api;

import dev.mainstay.core.problem.Validation;
import dev.mainstay.examples.realworld.service.Paging;
import io.javalin.http.Context;
import java.util.OptionalLong;

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
        OptionalLong value = Validation.parseWholeNumber(raw, Long.MIN_VALUE, Long.MAX_VALUE);
        v.check(value.isPresent(), pointer, "must be a whole number from " + min + " to " + max);
        value.ifPresent(number -> v.range(pointer, number, min, max));
        return v.isValid() ? (int) value.orElse(defaultValue) : defaultValue;
    }
}
