package dev.mainstay.benchmarks.realworld;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/**
 * One page of RealWorld articles in one PostgreSQL statement: the page, each article's author,
 * {@code favoritesCount}, {@code favorited}, {@code following} and {@code tagList}, the total count,
 * and the signed-in viewer's {@code tokens_valid_after} (null when the user no longer exists), which the
 * example's revocation hook reads in a statement of its own on every signed-in request. The hand-written control that examples/realworld's
 * list is measured against.
 *
 * <p>How it is built: the page ({@code ORDER BY created_at DESC, id DESC LIMIT/OFFSET}) is a derived
 * table that walks {@code articles_created_idx} (or {@code articles_author_created_idx} for the feed)
 * and stops after the page; the per-article values are correlated subqueries on primary-key or
 * {@code *_article_idx} indexes, run for the page's rows only; tags come back as one array per row
 * ({@code array_agg}); the count and the viewer's revocation instant are uncorrelated subqueries that PostgreSQL runs
 * once (init plans). The page is left-joined to a one-row table of those two, so that a page past
 * the end still returns the count in one row with no article. Thread-safe: holds no state.
 */
final class ArticlePageQuery {
    /** Which articles a page shows. */
    enum Filter {
        /** Every article: {@code GET /api/articles}. */
        ALL("true"),
        /** Articles with a tag: {@code GET /api/articles?tag=}. */
        TAG("a.id in (select at.article_id from article_tags at join tags tg on tg.id = at.tag_id where tg.name = ?)"),
        /** Articles by authors whom the viewer follows: {@code GET /api/articles/feed}. */
        FEED("a.author_id in (select fo.followee_id from follows fo where fo.follower_id = ?)");

        private final String sql;

        Filter(String condition) {
            this.sql = "select t.total, v.valid_after, p.slug, p.title, p.description, p.created_at, p.updated_at,"
                    + " u.username, u.bio, u.image,"
                    + " (select count(*) from favorites f where f.article_id = p.id) as favorites_count,"
                    + " exists (select 1 from favorites f where f.article_id = p.id and f.user_id = ?) as favorited,"
                    + " exists (select 1 from follows fo where fo.followee_id = p.author_id and fo.follower_id = ?)"
                    + " as following,"
                    + " (select array_agg(tg.name) from article_tags at join tags tg on tg.id = at.tag_id"
                    + " where at.article_id = p.id) as tag_list"
                    + " from (select count(*) as total from articles a where " + condition + ") t"
                    + " cross join (select max(tokens_valid_after) as valid_after from users where id = ?) v"
                    + " left join (select a.id, a.slug, a.title, a.description, a.created_at, a.updated_at, a.author_id"
                    + " from articles a where " + condition
                    + " order by a.created_at desc, a.id desc limit ? offset ?) p on true"
                    + " left join users u on u.id = p.author_id"
                    + " order by p.created_at desc, p.id desc";
        }
    }

    /**
     * A page, or the news that the viewer's token is revoked: it names a user who no longer exists, or
     * was issued before the user's {@code tokens_valid_after} (the example's rule).
     */
    record Result(ConduitJson.Page page, boolean viewerRefused) {}

    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'");

    private ArticlePageQuery() {}

    /**
     * Reads one page.
     *
     * @param argument the tag for {@link Filter#TAG}, the viewer's id for {@link Filter#FEED}, else null
     * @param viewerId the signed-in user, or null when signed out
     * @param issuedAt the viewer's token's {@code iat} in epoch seconds (ignored when signed out)
     */
    static Result page(
            DataSource pool, Filter filter, Object argument, Long viewerId, long issuedAt, int limit, int offset)
            throws SQLException {
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement(filter.sql)) {
            int i = 1;
            i = bindViewer(ps, i, viewerId); // favorited
            i = bindViewer(ps, i, viewerId); // following
            if (filter != Filter.ALL) {
                ps.setObject(i++, argument); // the count's filter
            }
            i = bindViewer(ps, i, viewerId); // valid_after
            if (filter != Filter.ALL) {
                ps.setObject(i++, argument); // the page's filter
            }
            ps.setInt(i++, limit);
            ps.setInt(i, offset);
            try (ResultSet rs = ps.executeQuery()) {
                List<ConduitJson.Article> articles = new ArrayList<>(limit);
                long total = 0;
                Long validAfter = null;
                while (rs.next()) {
                    total = rs.getLong(1);
                    validAfter = rs.getObject(2, Long.class);
                    String slug = rs.getString(3);
                    if (slug != null) { // null: a page past the end, one row that only carries the count
                        articles.add(article(rs, slug));
                    }
                }
                boolean refused = viewerId != null && (validAfter == null || issuedAt < validAfter);
                return new Result(new ConduitJson.Page(articles, total), refused);
            }
        }
    }

    private static int bindViewer(PreparedStatement ps, int index, Long viewerId) throws SQLException {
        if (viewerId == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, viewerId);
        }
        return index + 1;
    }

    private static ConduitJson.Article article(ResultSet rs, String slug) throws SQLException {
        ConduitJson.Profile author =
                new ConduitJson.Profile(rs.getString(8), rs.getString(9), rs.getString(10), rs.getBoolean(13));
        return new ConduitJson.Article(
                slug,
                rs.getString(4),
                rs.getString(5),
                null,
                tags(rs.getArray(14)),
                ISO_MILLIS.format(rs.getObject(6, LocalDateTime.class)),
                ISO_MILLIS.format(rs.getObject(7, LocalDateTime.class)),
                rs.getBoolean(12),
                rs.getInt(11),
                author);
    }

    /** Sorted by {@link String#compareTo}, as the example sorts them (not by the database's collation). */
    private static List<String> tags(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        String[] names = (String[]) array.getArray();
        Arrays.sort(names);
        return Arrays.asList(names);
    }
}
