package dev.mainstay.examples.realworld.articles;

import static dev.mainstay.examples.realworld.db.Tables.ARTICLES;
import static dev.mainstay.examples.realworld.db.Tables.FAVORITES;
import static dev.mainstay.examples.realworld.db.Tables.USERS;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.selectCount;
import static org.jooq.impl.DSL.selectOne;

import dev.mainstay.examples.realworld.common.Timestamps;
import dev.mainstay.examples.realworld.profiles.Profile;
import dev.mainstay.examples.realworld.profiles.ProfileRepository;
import dev.mainstay.persistence.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.SelectOnConditionStep;

/**
 * Reads articles as the API shows them: author profile, favorite count, whether the viewer favorited
 * the article and follows its author, and (for lists) the number of matches, all computed by the
 * database in one query per page, plus one query for the tags of the whole page. Nothing is read
 * per article: a page of 20 costs two statements, whatever the filter (tag, author, favorited, feed).
 *
 * <p>A viewer id of {@code null} means "signed out". Thread-safe.
 */
public final class ArticleReader {
    private static final Field<Integer> FAVORITES_COUNT = field(
                    selectCount().from(FAVORITES).where(FAVORITES.ARTICLE_ID.eq(ARTICLES.ID)))
            .as("favorites_count");
    private static final Field<Integer> TOTAL = count().over().as("total");

    private final Database db;
    private final TagRepository tags;

    /** Creates a reader over {@code db} that takes tags from {@code tags}. */
    public ArticleReader(Database db, TagRepository tags) {
        this.db = db;
        this.tags = tags;
    }

    /** Returns the article with {@code slug}, with its body, as {@code viewerId} sees it. */
    Optional<Article> find(String slug, Long viewerId) {
        Optional<Record> row =
                select(viewerId, true).where(ARTICLES.SLUG.eq(slug)).fetchOptional();
        return row.map(r -> toArticle(r, true, tags.byArticle(List.of(r.get(ARTICLES.ID)))));
    }

    /**
     * Returns one page of the articles that match {@code filter}, most recent first, without bodies.
     *
     * @param limit the page size, at least 1
     * @param offset how many matching articles to skip, at least 0
     */
    Article.Page page(ArticleFilter filter, Long viewerId, int limit, int offset) {
        Condition condition = filter.condition();
        // The total rides on every row (a window over the filtered rows, before LIMIT): no count query.
        List<Record> rows = select(viewerId, false, TOTAL)
                .where(condition)
                .orderBy(ARTICLES.CREATED_AT.desc(), ARTICLES.ID.desc())
                .limit(limit)
                .offset(offset)
                .fetch();
        // Only a page past the end has no row to carry the total.
        long count = rows.isEmpty()
                ? (offset == 0 ? 0 : db.dsl().fetchCount(ARTICLES, condition))
                : rows.get(0).get(TOTAL);
        Map<Long, List<String>> tagsById =
                tags.byArticle(rows.stream().map(r -> r.get(ARTICLES.ID)).toList());
        List<Article> articles = new ArrayList<>(rows.size());
        for (Record row : rows) {
            articles.add(toArticle(row, false, tagsById));
        }
        return new Article.Page(articles, count);
    }

    private SelectOnConditionStep<Record> select(
            Long viewerId, boolean withBody, SelectField<?>... more) {
        List<SelectField<?>> fields = new ArrayList<>(List.of(
                ARTICLES.ID,
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
                ProfileRepository.following(ARTICLES.AUTHOR_ID, viewerId).as("following")));
        if (withBody) {
            fields.add(ARTICLES.BODY);
        }
        fields.addAll(List.of(more));
        return db.dsl().select(fields).from(ARTICLES).join(USERS).on(USERS.ID.eq(ARTICLES.AUTHOR_ID));
    }

    private static Field<Boolean> favorited(Long viewerId) {
        Field<Boolean> favorited = viewerId == null
                ? inline(false)
                : field(exists(selectOne()
                        .from(FAVORITES)
                        .where(FAVORITES.ARTICLE_ID.eq(ARTICLES.ID).and(FAVORITES.USER_ID.eq(viewerId)))));
        return favorited.as("favorited");
    }

    private static Article toArticle(Record r, boolean withBody, Map<Long, List<String>> tagsById) {
        Profile author = new Profile(
                r.get(USERS.USERNAME), r.get(USERS.BIO), r.get(USERS.IMAGE), r.get("following", Boolean.class));
        return new Article(
                r.get(ARTICLES.SLUG),
                r.get(ARTICLES.TITLE),
                r.get(ARTICLES.DESCRIPTION),
                withBody ? r.get(ARTICLES.BODY) : null,
                tagsById.getOrDefault(r.get(ARTICLES.ID), List.of()),
                Timestamps.format(r.get(ARTICLES.CREATED_AT)),
                Timestamps.format(r.get(ARTICLES.UPDATED_AT)),
                r.get("favorited", Boolean.class),
                r.get(FAVORITES_COUNT),
                author);
    }
}
