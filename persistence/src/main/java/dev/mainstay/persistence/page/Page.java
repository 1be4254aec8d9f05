package dev.mainstay.persistence.page;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One page of a listing, and the cursor that continues it.
 *
 * @param items the items of this page, at most the requested limit; immutable
 * @param nextCursor the opaque cursor of the next page, or {@code null} when this page is the last
 * @param <T> the item type
 */
public record Page<T>(List<T> items, String nextCursor) {
    /**
     * Copies the items into an immutable list.
     *
     * @param items the items of this page, at most the requested limit
     * @param nextCursor the opaque cursor of the next page, or {@code null} when this page is the last
     */
    public Page {
        items = List.copyOf(items);
    }

    /**
     * Tells whether another page follows.
     *
     * @return whether {@link #nextCursor()} is set
     */
    public boolean hasNext() {
        return nextCursor != null;
    }

    /**
     * Returns the same page with every item converted, e.g. from a jOOQ record to a response type.
     *
     * @param <U> the converted item type
     * @param mapper converts one item; not null, and it must not return null
     * @return a page with the converted items and the same cursor
     */
    public <U> Page<U> map(Function<? super T, ? extends U> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return new Page<>(items.stream().<U>map(mapper).toList(), nextCursor);
    }
}
