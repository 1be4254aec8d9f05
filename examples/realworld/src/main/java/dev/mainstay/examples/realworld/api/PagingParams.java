package dev.mainstay.examples.realworld.api;

import dev.mainstay.core.problem.Validation;
import dev.mainstay.examples.realworld.service.Paging;
import io.javalin.http.Context;
import java.util.regex.Pattern;

/** Reads {@code ?limit} and {@code ?offset}; a bad value is a 422 that names the parameter. */
final class PagingParams {
    private static final int MAX_OFFSET = 1_000_000;
    /** ASCII digits only: {@code Integer.parseInt} would also take {@code +1} and other scripts' digits. */
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,10}");

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
        if (!WHOLE_NUMBER.matcher(raw).matches()) {
            v.check(false, pointer, "must be a whole number from " + min + " to " + max);
            return defaultValue;
        }
        long value = Long.parseLong(raw); // at most ten digits: always fits
        v.range(pointer, value, min, max);
        return value >= min && value <= max ? (int) value : defaultValue;
    }
}
