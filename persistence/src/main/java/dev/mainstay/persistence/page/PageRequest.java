package dev.mainstay.persistence.page;

/**
 * Which page a client asked for: how many items, and the opaque cursor of the previous page's {@link
 * Page#nextCursor()} ({@code null} for the first page). The same request serves {@link Keyset} and
 * {@link Offset} listings, so an endpoint can switch strategy without changing its API.
 *
 * @param limit how many items, from 1 to {@value #MAX_LIMIT}
 * @param cursor the cursor to continue from, or {@code null} to start at the beginning
 */
public record PageRequest(int limit, String cursor) {
    /** The number of items when the client does not say. */
    public static final int DEFAULT_LIMIT = 20;

    /** The most items one page may hold, whatever the client asks for. */
    public static final int MAX_LIMIT = 100;

    /**
     * Rejects a limit outside 1..{@value #MAX_LIMIT}; use {@link #of} to clamp instead.
     *
     * @param limit the number of items, 1..{@value #MAX_LIMIT}
     * @param cursor the cursor from the previous page, or {@code null} or blank for the first page
     * @throws IllegalArgumentException when the limit is out of range
     */
    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT + ", not " + limit);
        }
        cursor = cursor == null || cursor.isBlank() ? null : cursor.trim();
    }

    /**
     * Returns a request with {@code limit} clamped into 1..{@value #MAX_LIMIT} ({@code null} means
     * {@value #DEFAULT_LIMIT}). The cursor is checked only when a listing reads it.
     *
     * @param limit the requested number of items, or {@code null}
     * @param cursor the cursor from the previous page, or {@code null} or blank for the first page
     * @return the request
     */
    public static PageRequest of(Integer limit, String cursor) {
        int clamped = limit == null ? DEFAULT_LIMIT : Math.max(1, Math.min(MAX_LIMIT, limit));
        return new PageRequest(clamped, cursor);
    }

    /**
     * Returns a request from raw query parameters, e.g. {@code parse(ctx.queryParam("limit"),
     * ctx.queryParam("cursor"))}. The limit must be written in ASCII digits only ({@code 0}-{@code 9}):
     * no sign, no spaces, no other script's digits; a value above {@value #MAX_LIMIT} is clamped.
     *
     * @param limit the {@code limit} parameter, or {@code null} or empty for {@value #DEFAULT_LIMIT}
     * @param cursor the {@code cursor} parameter, or {@code null}
     * @return the request
     * @throws InvalidPageRequestException naming {@code limit} when it is not such a whole number
     */
    public static PageRequest parse(String limit, String cursor) {
        if (limit == null || limit.isEmpty()) {
            return of(null, cursor);
        }
        return of(digits(limit), cursor);
    }

    /** Reads ASCII digits; {@code Integer.parseInt} would also take a sign and any script's digits. */
    private static int digits(String text) {
        // Nine digits cannot overflow an int; anything longer is refused rather than silently clamped.
        if (text.length() > 9) {
            throw badLimit();
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw badLimit();
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static InvalidPageRequestException badLimit() {
        return new InvalidPageRequestException("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }
}
