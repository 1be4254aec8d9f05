package dev.mainstay.examples.realworld.repository;

import static dev.mainstay.examples.realworld.repository.schema.Tables.ARTICLES;

import java.time.LocalDateTime;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Writes the {@code articles} table, and reads the bare rows the service needs for that.
 * Reading articles as the API shows them is {@link ArticleReader}'s job. Stateless and thread-safe.
 */
public final class ArticleRepository {

    /** Returns the article with {@code slug}, if any. */
    public Optional<ArticleRow> findBySlug(DSLContext dsl, String slug) {
        return dsl.select(
                        ARTICLES.ID,
                        ARTICLES.AUTHOR_ID,
                        ARTICLES.SLUG,
                        ARTICLES.TITLE,
                        ARTICLES.DESCRIPTION,
                        ARTICLES.BODY)
                .from(ARTICLES)
                .where(ARTICLES.SLUG.eq(slug))
                .fetchOptional(
                        r -> new ArticleRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    /** Returns the id of the article with {@code slug}, if any. */
    public Optional<Long> idOf(DSLContext dsl, String slug) {
        return dsl.select(ARTICLES.ID)
                .from(ARTICLES)
                .where(ARTICLES.SLUG.eq(slug))
                .fetchOptional(ARTICLES.ID);
    }

    /** Tells whether some article other than {@code exceptId} has {@code slug}; pass 0 to check all. */
    public boolean slugTaken(DSLContext dsl, String slug, long exceptId) {
        return dsl.fetchExists(ARTICLES, ARTICLES.SLUG.eq(slug).and(ARTICLES.ID.ne(exceptId)));
    }

    /** Counts the articles whose slug starts with {@code prefix} (the seeder's way to see what it did). */
    public int countWithSlugPrefix(DSLContext dsl, String prefix) {
        return dsl.fetchCount(ARTICLES, ARTICLES.SLUG.startsWith(prefix));
    }

    /**
     * Inserts an article created at {@code now} (UTC) and returns its id.
     *
     * @throws org.jooq.exception.DataAccessException if the slug was taken meanwhile
     */
    public long insert(
            DSLContext dsl,
            long authorId,
            String slug,
            String title,
            String description,
            String body,
            LocalDateTime now) {
        return dsl.insertInto(ARTICLES)
                .set(ARTICLES.AUTHOR_ID, authorId)
                .set(ARTICLES.SLUG, slug)
                .set(ARTICLES.TITLE, title)
                .set(ARTICLES.DESCRIPTION, description)
                .set(ARTICLES.BODY, body)
                .set(ARTICLES.CREATED_AT, now)
                .set(ARTICLES.UPDATED_AT, now)
                .returningResult(ARTICLES.ID)
                .fetchSingle()
                .value1();
    }

    /** Writes the slug, title, description and body of {@code article}, changed at {@code now} (UTC). */
    public void update(DSLContext dsl, ArticleRow article, LocalDateTime now) {
        dsl.update(ARTICLES)
                .set(ARTICLES.SLUG, article.slug())
                .set(ARTICLES.TITLE, article.title())
                .set(ARTICLES.DESCRIPTION, article.description())
                .set(ARTICLES.BODY, article.body())
                .set(ARTICLES.UPDATED_AT, now)
                .where(ARTICLES.ID.eq(article.id()))
                .execute();
    }

    /** Deletes article {@code id}; its tags links, favorites and comments go with it (ON DELETE CASCADE). */
    public void delete(DSLContext dsl, long id) {
        dsl.deleteFrom(ARTICLES).where(ARTICLES.ID.eq(id)).execute();
    }
}
