package dev.mainstay.examples.realworld.articles;

import dev.mainstay.core.problem.Validation;
import dev.mainstay.persistence.page.PageRequest;
import io.javalin.http.Context;
import java.util.OptionalLong;

/**
 * The {@code ?limit} and {@code ?offset} of an article list, already checked: the spec pages by offset,
 * with persistence's page sizes ({@value PageRequest#DEFAULT_LIMIT} by default, at most
 * {@value PageRequest#MAX_LIMIT}). Unlike {@link PageRequest#parse}, an out-of-range limit is refused,
 * not clamped, as the spec's clients expect a 422 naming it.
 *
 * @param limit how many articles a page holds
 * @param offset how many matching articles to skip
 */
record PagingParams(int limit, int offset) {
    private static final int MAX_OFFSET = 1_000_000;

    /** Reads both parameters; a bad value is a 422 that names the parameter. */
    static PagingParams of(Context ctx) {
        Validation v = Validation.start();
        int limit = number(v, "?limit", ctx.queryParam("limit"), PageRequest.DEFAULT_LIMIT, 1, PageRequest.MAX_LIMIT);
        int offset = number(v, "?offset", ctx.queryParam("offset"), 0, 0, MAX_OFFSET);
        v.throwIfInvalid();
        return new PagingParams(limit, offset);
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
