package dev.mainstay.persistence.page;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.SelectOrderByStep;
import org.jooq.SelectSeekStepN;
import org.jooq.SortField;
import org.jooq.exception.DataTypeException;

/**
 * Keyset ("seek") pagination: each page continues after the last row of the previous one, with jOOQ's
 * {@code seek()}, so page 1000 costs what page 1 costs and rows inserted meanwhile neither repeat nor
 * vanish.
 *
 * <pre>{@code
 * static final Keyset BY_NEWEST = Keyset.of(ITEM.CREATED_AT.desc(), ITEM.ID.desc());
 *
 * Page<ItemRecord> page = BY_NEWEST.fetch(db.dsl().selectFrom(ITEM).where(ITEM.OWNER.eq(me)), request);
 * }</pre>
 *
 * <p>Rules: the sort keys must be {@code NOT NULL} columns, the last key must be unique (the primary
 * key, so that ties on the others still have one order), and the query must select every key. Build
 * one per listing, once; it is immutable and thread-safe.
 */
public final class Keyset {
    private final SortField<?>[] keys;
    private final Field<?>[] fields;
    private final int fingerprint;

    private Keyset(SortField<?>[] keys) {
        this.keys = keys;
        this.fields = Arrays.stream(keys).map(SortField::$field).toArray(Field<?>[]::new);
        this.fingerprint = Arrays.hashCode(Arrays.stream(keys)
                .map(key -> key.$field().getName() + " " + key.$sortOrder())
                .toArray());
    }

    /**
     * Returns a keyset over {@code keys}, in order, e.g. {@code Keyset.of(T.RANK.desc(), T.ID.asc())}.
     *
     * @param keys one or more sort fields, the last unique; directions may be mixed
     * @return the keyset
     * @throws IllegalArgumentException when there are no keys
     */
    public static Keyset of(SortField<?>... keys) {
        if (keys.length == 0 || Arrays.stream(keys).anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("A keyset needs one or more sort keys, the last one unique");
        }
        return new Keyset(keys.clone());
    }

    /**
     * Fetches one page of {@code query}, ordered by the keys, after the request's cursor.
     *
     * @param <R> the record type of the listing
     * @param query the listing without {@code ORDER BY} or {@code LIMIT}, e.g. {@code selectFrom(T).where(..)}
     * @param request the page asked for
     * @return at most {@code request.limit()} rows, and the next cursor if more rows follow
     * @throws InvalidPageRequestException naming {@code cursor} when the cursor is
     *     malformed or from another listing
     */
    public <R extends Record> Page<R> fetch(SelectOrderByStep<R> query, PageRequest request) {
        SelectSeekStepN<R> ordered = query.orderBy(keys);
        Result<R> rows = request.cursor() == null
                ? ordered.limit(request.limit() + 1).fetch()
                : ordered.seek(decode(request.cursor()))
                        .limit(request.limit() + 1)
                        .fetch();
        if (rows.size() <= request.limit()) {
            return new Page<>(rows, null);
        }
        List<R> items = rows.subList(0, request.limit());
        return new Page<>(items, encode(items.get(items.size() - 1)));
    }

    private String encode(Record last) {
        List<String> values = new ArrayList<>(fields.length);
        for (Field<?> field : fields) {
            Object value = last.get(field);
            values.add(value == null ? null : value.toString());
        }
        return Cursors.keyset(fingerprint, values);
    }

    private Object[] decode(String cursor) {
        String[] text = Cursors.readKeyset(cursor, fingerprint, fields.length);
        Object[] values = new Object[text.length];
        for (int i = 0; i < text.length; i++) {
            try {
                values[i] = fields[i].getDataType().convert(text[i]);
            } catch (DataTypeException | IllegalArgumentException e) {
                throw Cursors.malformed();
            }
        }
        return values;
    }
}
