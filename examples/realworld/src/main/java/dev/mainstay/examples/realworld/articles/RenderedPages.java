package dev.mainstay.examples.realworld.articles;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.Select;
import org.jooq.conf.ParamType;

/**
 * The page statement rendered to SQL once per filter shape (which criteria are set, signed in or out), not
 * once per request: jOOQ's rendering of the page query, with its correlated subqueries, was a quarter of
 * a list request's CPU time (JFR, BENCHMARKS.md). At most 32 shapes exist.
 *
 * <p>How: the shape's query is built once with a sentinel in place of every value, rendered with
 * {@code ?} placeholders, and its bind values are read back in order; each sentinel tells which request
 * value goes in that place. A request then runs the SQL as plain SQL with its own values, read through
 * the query's own fields (so converters and bindings still apply). A shape whose bind values are not all
 * sentinels (a dialect that inlines one) is not cached: it is built and rendered per request, as before.
 * Thread-safe.
 */
final class RenderedPages {
    /** Where a request's value goes in the rendered statement. */
    private enum Slot {
        VIEWER,
        TAG,
        AUTHOR,
        FAVORITED_BY,
        FEED_OF,
        LIMIT,
        OFFSET
    }

    // Values no request sends: ids are positive, limits and offsets far smaller, names hold no NUL.
    private static final long VIEWER = -7_000_000_001L;
    private static final long FEED_OF = -7_000_000_002L;
    private static final String TAG = "\u0000tag";
    private static final String AUTHOR = "\u0000author";
    private static final String FAVORITED_BY = "\u0000favorited";
    private static final int LIMIT = 7_000_003;
    private static final int OFFSET = 7_000_004;

    /** Builds the page query of a filter, viewer, limit and offset. */
    @FunctionalInterface
    interface Builder {
        /**
         * Returns the page query.
         *
         * @param filter the filter
         * @param viewerId the viewer, or null
         * @param limit the page size
         * @param offset the rows to skip
         * @return the query, not yet run
         */
        Select<Record> build(ArticleFilter filter, Long viewerId, int limit, int offset);
    }

    /** A shape's SQL, the slot of each placeholder, and the fields to read its rows with; null SQL: not cached. */
    private record Rendered(String sql, Slot[] slots, Field<?>[] fields) {}

    private final DSLContext dsl;
    private final Builder builder;
    private final ConcurrentMap<Integer, Rendered> byShape = new ConcurrentHashMap<>();

    RenderedPages(DSLContext dsl, Builder builder) {
        this.dsl = dsl;
        this.builder = builder;
    }

    /** Runs the page query of {@code filter} for {@code viewerId} and returns its rows. */
    List<Record> fetch(ArticleFilter filter, Long viewerId, int limit, int offset) {
        Rendered rendered = byShape.computeIfAbsent(shape(filter, viewerId), shape -> render(filter, viewerId));
        if (rendered.sql() == null) {
            return builder.build(filter, viewerId, limit, offset).fetch();
        }
        Object[] values = new Object[rendered.slots().length];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (rendered.slots()[i]) {
                case VIEWER -> viewerId;
                case TAG -> filter.tag();
                case AUTHOR -> filter.author();
                case FAVORITED_BY -> filter.favoritedBy();
                case FEED_OF -> filter.feedOf();
                case LIMIT -> limit;
                case OFFSET -> offset;
            };
        }
        ResultQuery<Record> query = dsl.resultQuery(rendered.sql(), values).coerce(rendered.fields());
        return query.fetch();
    }

    private static int shape(ArticleFilter filter, Long viewerId) {
        return (filter.tag() == null ? 0 : 1)
                | (filter.author() == null ? 0 : 2)
                | (filter.favoritedBy() == null ? 0 : 4)
                | (filter.feedOf() == null ? 0 : 8)
                | (viewerId == null ? 0 : 16);
    }

    private Rendered render(ArticleFilter filter, Long viewerId) {
        ArticleFilter sentinels = new ArticleFilter(
                filter.tag() == null ? null : TAG,
                filter.author() == null ? null : AUTHOR,
                filter.favoritedBy() == null ? null : FAVORITED_BY,
                filter.feedOf() == null ? null : FEED_OF);
        Select<Record> query = builder.build(sentinels, viewerId == null ? null : VIEWER, LIMIT, OFFSET);
        String sql = query.getSQL(ParamType.INDEXED);
        List<Slot> slots = new ArrayList<>();
        for (Object value : query.getBindValues()) {
            Slot slot = slotOf(value);
            if (slot == null) {
                return new Rendered(null, null, null);
            }
            slots.add(slot);
        }
        Set<Slot> expected = EnumSet.of(Slot.LIMIT, Slot.OFFSET);
        addIf(expected, viewerId != null, Slot.VIEWER);
        addIf(expected, filter.tag() != null, Slot.TAG);
        addIf(expected, filter.author() != null, Slot.AUTHOR);
        addIf(expected, filter.favoritedBy() != null, Slot.FAVORITED_BY);
        addIf(expected, filter.feedOf() != null, Slot.FEED_OF);
        if (!slots.containsAll(expected)) {
            return new Rendered(null, null, null); // a value was inlined into the SQL: not reusable
        }
        return new Rendered(sql, slots.toArray(Slot[]::new), query.getSelect().toArray(Field<?>[]::new));
    }

    private static void addIf(Set<Slot> slots, boolean condition, Slot slot) {
        if (condition) {
            slots.add(slot);
        }
    }

    private static Slot slotOf(Object value) {
        if (value instanceof Long || value instanceof Integer) {
            return numberSlot(((Number) value).longValue());
        }
        if (TAG.equals(value)) {
            return Slot.TAG;
        }
        if (AUTHOR.equals(value)) {
            return Slot.AUTHOR;
        }
        return FAVORITED_BY.equals(value) ? Slot.FAVORITED_BY : null;
    }

    private static Slot numberSlot(long value) {
        if (value == VIEWER) {
            return Slot.VIEWER;
        }
        if (value == FEED_OF) {
            return Slot.FEED_OF;
        }
        if (value == LIMIT) {
            return Slot.LIMIT;
        }
        return value == OFFSET ? Slot.OFFSET : null;
    }
}
