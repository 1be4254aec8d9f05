package dev.mainstay.examples.realworld.articles;

import static dev.mainstay.examples.realworld.db.Tables.ARTICLES;

import dev.mainstay.persistence.Database;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Writes the {@code articles} table, and reads the bare rows the service needs for that.
 * Reading articles as the API shows them is {@link ArticleReader}'s job. Thread-safe.
 */
public final class ArticleRepository {
    private final Database db;

    /** Creates the repository over {@code db}; inside {@code db.transaction(..)} it joins the transaction. */
    public ArticleRepository(Database db) {
        this.db = db;
    }

    /** Returns the article with {@code slug}, if any. */
    Optional<ArticleRow> findBySlug(String slug) {
        return db.dsl().select(
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
    public Optional<Long> idOf(String slug) {
        return db.dsl().select(ARTICLES.ID)
                .from(ARTICLES)
                .where(ARTICLES.SLUG.eq(slug))
                .fetchOptional(ARTICLES.ID);
    }

    /** Tells whether some article other than {@code exceptId} has {@code slug}; pass 0 to check all. */
    boolean slugTaken(String slug, long exceptId) {
        return db.dsl().fetchExists(ARTICLES, ARTICLES.SLUG.eq(slug).and(ARTICLES.ID.ne(exceptId)));
    }

    /** Counts the articles whose slug starts with {@code prefix} (the seeder's way to see what it did). */
    int countWithSlugPrefix(String prefix) {
        return db.dsl().fetchCount(ARTICLES, ARTICLES.SLUG.startsWith(prefix));
    }

    /**
     * Inserts an article created at {@code now} (UTC) and returns its id.
     *
     * @throws org.jooq.exception.DataAccessException if the slug was taken meanwhile
     */
    long insert(
            long authorId,
            String slug,
            String title,
            String description,
            String body,
            LocalDateTime now) {
        return db.dsl().insertInto(ARTICLES)
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
    void update(ArticleRow article, LocalDateTime now) {
        db.dsl().update(ARTICLES)
                .set(ARTICLES.SLUG, article.slug())
                .set(ARTICLES.TITLE, article.title())
                .set(ARTICLES.DESCRIPTION, article.description())
                .set(ARTICLES.BODY, article.body())
                .set(ARTICLES.UPDATED_AT, now)
                .where(ARTICLES.ID.eq(article.id()))
                .execute();
    }

    /** Deletes article {@code id}; its tags links, favorites and comments go with it (ON DELETE CASCADE). */
    void delete(long id) {
        db.dsl().deleteFrom(ARTICLES).where(ARTICLES.ID.eq(id)).execute();
    }
}
