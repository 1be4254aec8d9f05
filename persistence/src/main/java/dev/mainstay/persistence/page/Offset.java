package dev.mainstay.persistence.page;

import org.jooq.Record;
import org.jooq.Result;
import org.jooq.SelectLimitStep;

/**
 * Offset pagination, for short listings where simplicity beats {@link Keyset}: any order will do,
 * but each page costs the rows before it, and rows inserted meanwhile may repeat or be skipped.
 *
 * <pre>{@code
 * Page<TagRecord> page = Offset.fetch(db.dsl().selectFrom(TAG).orderBy(TAG.NAME, TAG.ID), request);
 * }</pre>
 *
 * <p>The cursor is opaque, as for keyset pages, so an endpoint can move to {@link Keyset} later
 * without changing its API. Order by something unique, or rows with equal keys may shuffle between
 * pages.
 */
public final class Offset {
    private Offset() {}

    /**
     * Fetches one page of an ordered query.
     *
     * @param <R> the record type of the listing
     * @param ordered the listing with its {@code ORDER BY} and without {@code LIMIT}
     * @param request the page asked for
     * @return at most {@code request.limit()} rows, and the next cursor if more rows follow
     * @throws InvalidPageRequestException naming {@code cursor} when it is malformed
     */
    public static <R extends Record> Page<R> fetch(SelectLimitStep<R> ordered, PageRequest request) {
        int offset = request.cursor() == null ? 0 : Cursors.readOffset(request.cursor());
        Result<R> rows = ordered.limit(offset, request.limit() + 1).fetch();
        if (rows.size() <= request.limit()) {
            return new Page<>(rows, null);
        }
        return new Page<>(rows.subList(0, request.limit()), Cursors.offset(offset + request.limit()));
    }
}
