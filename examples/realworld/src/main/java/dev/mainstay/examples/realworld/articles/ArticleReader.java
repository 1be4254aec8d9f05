package dev.mainstay.examples.realworld.articles;

import static dev.mainstay.examples.realworld.db.Tables.ARTICLES;
import static dev.mainstay.examples.realworld.db.Tables.ARTICLE_TAGS;
import static dev.mainstay.examples.realworld.db.Tables.FAVORITES;
import static dev.mainstay.examples.realworld.db.Tables.TAGS;
import static dev.mainstay.examples.realworld.db.Tables.USERS;
import static org.jooq.impl.DSL.arrayAgg;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.selectCount;
import static org.jooq.impl.DSL.selectOne;

import dev.mainstay.examples.realworld.common.Timestamps;
import dev.mainstay.examples.realworld.profiles.Profile;
import dev.mainstay.examples.realworld.profiles.ProfileRepository;
import dev.mainstay.persistence.Database;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.SelectField;
import org.jooq.SelectOnConditionStep;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * Reads articles as the API shows them: author profile, tags, favorite count, whether the viewer
 * favorited the article and follows its author, and (for lists) the number of matches, all computed by
 * the database in <b>one statement</b> per page or article. Nothing is read per article, and nothing
 * is read in a second statement: a page of 20 costs one statement whatever the filter (tag, author,
 * favorited, feed), plus, for a page past the end only, a count. The signed-in viewer's existence is
 * not checked here: mainstay-security's revocation hook ({@code UserRepository#tokensValidAfter})
 * has already refused the token of a user who no longer exists.
 *
 * <p>A viewer id of {@code null} means "signed out". Thread-safe.
 */
public final class ArticleReader {
    private static final Field<Integer> FAVORITES_COUNT = field(
                    selectCount().from(FAVORITES).where(FAVORITES.ARTICLE_ID.eq(ARTICLES.ID)))
            .as("favorites_count");
    private static final String TOTAL = "total";

    private final Database db;
    private final DSLContext dsl;
    private final Field<List<String>> tagList;
    private final RenderedPages pages;

    /**
     * Creates a reader over {@code db}.
     *
     * @param db the database, whose dialect decides how tags are aggregated
     */
    public ArticleReader(Database db) {
        this.db = db;
        this.dsl = isMariaDb(db.dialect()) ? withoutGroupConcatSessionVariable(db.dsl()) : db.dsl();
        this.tagList = tagList(db.dialect());
        this.pages = new RenderedPages(dsl, this::pageQuery);
    }

    /** Returns the article with {@code slug}, with its body, as {@code viewerId} sees it. */
    Optional<Article> find(String slug, Long viewerId) {
        return select(viewerId, true).where(ARTICLES.SLUG.eq(slug)).fetchOptional().map(r -> toArticle(r, true));
    }

    /**
     * Returns one page of the articles that match {@code filter}, most recent first, without bodies.
     *
     * @param limit the page size, at least 1
     * @param offset how many matching articles to skip, at least 0
     */
    Article.Page page(ArticleFilter filter, Long viewerId, int limit, int offset) {
        List<Record> rows = pages.fetch(filter, viewerId, limit, offset);
        // Only a page past the end has no row to carry the total.
        long count = rows.isEmpty()
                ? (offset == 0 ? 0 : db.dsl().fetchCount(ARTICLES, filter.condition()))
                : rows.get(0).get(TOTAL, Long.class);
        List<Article> articles = new ArrayList<>(rows.size());
        for (Record row : rows) {
            articles.add(toArticle(row, false));
        }
        return new Article.Page(articles, count);
    }

    private Select<Record> pageQuery(ArticleFilter filter, Long viewerId, int limit, int offset) {
        Condition condition = filter.condition();
        // The total is an uncorrelated scalar subquery: the database runs it once (PostgreSQL: an init
        // plan), and the page itself still walks the created_at index and stops after LIMIT rows, which a
        // window count (count(*) over ()) would not let it do.
        Field<Integer> total = field(selectCount().from(ARTICLES).where(condition)).as(TOTAL);
        return select(viewerId, false, total)
                .where(condition)
                .orderBy(ARTICLES.CREATED_AT.desc(), ARTICLES.ID.desc())
                .limit(limit)
                .offset(offset);
    }

    private SelectOnConditionStep<Record> select(Long viewerId, boolean withBody, SelectField<?>... more) {
        List<SelectField<?>> fields = new ArrayList<>(List.of(
                ARTICLES.SLUG,
                ARTICLES.TITLE,
                ARTICLES.DESCRIPTION,
                ARTICLES.CREATED_AT,
                ARTICLES.UPDATED_AT,
                USERS.USERNAME,
                USERS.BIO,
                USERS.IMAGE,
                FAVORITES_COUNT,
                favorited(viewerId),
                ProfileRepository.following(ARTICLES.AUTHOR_ID, viewerId).as("following"),
                tagList));
        if (withBody) {
            fields.add(ARTICLES.BODY);
        }
        fields.addAll(List.of(more));
        return dsl.select(fields).from(ARTICLES).join(USERS).on(USERS.ID.eq(ARTICLES.AUTHOR_ID));
    }

    private static Field<Boolean> favorited(Long viewerId) {
        Field<Boolean> favorited = viewerId == null
                ? inline(false)
                : field(exists(selectOne()
                        .from(FAVORITES)
                        .where(FAVORITES.ARTICLE_ID.eq(ARTICLES.ID).and(FAVORITES.USER_ID.eq(viewerId)))));
        return favorited.as("favorited");
    }

    /**
     * The article's tags as one column, sorted by {@link String#compareTo} in Java (the same on every
     * database, whatever its collation). PostgreSQL and H2 aggregate them into an SQL array; MariaDB has
     * no {@code ARRAY_AGG}, so there jOOQ's {@code MULTISET} emulation aggregates them into JSON.
     */
    private static Field<List<String>> tagList(SQLDialect dialect) {
        Condition ofArticle = ARTICLE_TAGS.ARTICLE_ID.eq(ARTICLES.ID);
        if (isMariaDb(dialect)) {
            return multiset(DSL.select(TAGS.NAME).from(ARTICLE_TAGS).join(TAGS).on(TAGS.ID.eq(ARTICLE_TAGS.TAG_ID))
                            .where(ofArticle))
                    .convertFrom(names -> sorted(names.map(Record1::value1).toArray(String[]::new)))
                    .as("tag_list");
        }
        return field(DSL.select(arrayAgg(TAGS.NAME))
                        .from(ARTICLE_TAGS)
                        .join(TAGS)
                        .on(TAGS.ID.eq(ARTICLE_TAGS.TAG_ID))
                        .where(ofArticle))
                .convertFrom(ArticleReader::sorted)
                .as("tag_list");
    }

    private static boolean isMariaDb(SQLDialect dialect) {
        return dialect.family() == SQLDialect.MARIADB || dialect.family() == SQLDialect.MYSQL;
    }

    /**
     * jOOQ's MULTISET emulation on MariaDB is a {@code GROUP_CONCAT}, which by default it wraps in
     * statements that raise {@code group_concat_max_len} for the session: three statements in one, which
     * the driver refuses. MariaDB's default limit (1 MiB) far exceeds an article's tags (at most {@value
     * ArticleRules#MAX_TAGS} names of at most {@value ArticleRules#MAX_TAG}
     * characters), so the reader's statements go without.
     * The context keeps everything else of {@code dsl}'s (connections, transactions, listeners).
     */
    private static DSLContext withoutGroupConcatSessionVariable(DSLContext dsl) {
        return DSL.using(dsl.configuration()
                .derive(((Settings) dsl.settings().clone()).withRenderGroupConcatMaxLenSessionVariable(false)));
    }

    /** {@code null} (an article without tags: the aggregate of no rows) is the empty list. */
    private static List<String> sorted(String[] names) {
        if (names == null || names.length == 0) {
            return List.of();
        }
        Arrays.sort(names);
        return List.of(names);
    }

    private Article toArticle(Record r, boolean withBody) {
        Profile author = new Profile(
                r.get(USERS.USERNAME), r.get(USERS.BIO), r.get(USERS.IMAGE), r.get("following", Boolean.class));
        return new Article(
                r.get(ARTICLES.SLUG),
                r.get(ARTICLES.TITLE),
                r.get(ARTICLES.DESCRIPTION),
                withBody ? r.get(ARTICLES.BODY) : null,
                r.get(tagList),
                Timestamps.format(r.get(ARTICLES.CREATED_AT)),
                Timestamps.format(r.get(ARTICLES.UPDATED_AT)),
                r.get("favorited", Boolean.class),
                r.get(FAVORITES_COUNT),
                author);
    }
}
