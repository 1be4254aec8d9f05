package dev.mainstay.examples.realworld.repository;

import static dev.mainstay.examples.realworld.repository.schema.Tables.FAVORITES;

import org.jooq.DSLContext;

/** Writes the {@code favorites} table: which user favorited which article. Stateless and thread-safe. */
public final class FavoriteRepository {

    /** Records that {@code userId} favorited {@code articleId}; doing it twice changes nothing. */
    public void add(DSLContext dsl, long userId, long articleId) {
        dsl.insertInto(FAVORITES)
                .set(FAVORITES.USER_ID, userId)
                .set(FAVORITES.ARTICLE_ID, articleId)
                .onDuplicateKeyIgnore()
                .execute();
    }

    /** Removes the favorite of {@code userId} on {@code articleId}; a no-op if there was none. */
    public void remove(DSLContext dsl, long userId, long articleId) {
        dsl.deleteFrom(FAVORITES)
                .where(FAVORITES.USER_ID.eq(userId).and(FAVORITES.ARTICLE_ID.eq(articleId)))
                .execute();
    }
}
