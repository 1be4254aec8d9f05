package dev.mainstay.examples.realworld.service;

/**
 * The {@code limit} and {@code offset} of an article list, already checked.
 *
 * @param limit how many articles a page holds, {@value #MIN_LIMIT}..{@value #MAX_LIMIT}
 * @param offset how many matching articles to skip, 0 or more
 */
public record Paging(int limit, int offset) {
    /** The spec's default page size. */
    public static final int DEFAULT_LIMIT = 20;
    /** The smallest page, as the spec says. */
    public static final int MIN_LIMIT = 1;
    /** The largest page we serve, so that one request cannot read the whole table. */
    public static final int MAX_LIMIT = 100;

    /** Rejects values out of range. */
    public Paging {
        if (limit < MIN_LIMIT || limit > MAX_LIMIT || offset < 0) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + " and offset 0 or more");
        }
    }
}
