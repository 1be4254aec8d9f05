package dev.mainstay.examples.realworld.articles;

import static dev.mainstay.examples.realworld.db.Tables.FAVORITES;

import dev.mainstay.persistence.Database;

/** Writes the {@code favorites} table: which user favorited which article. Thread-safe. */
public final class FavoriteRepository {
    private final Database db;

    /** Creates the repository over {@code db}; inside {@code db.transaction(..)} it joins the transaction. */
    public FavoriteRepository(Database db) {
        this.db = db;
    }

    /** Records that {@code userId} favorited {@code articleId}; doing it twice changes nothing. */
    void add(long userId, long articleId) {
        db.dsl().insertInto(FAVORITES)
                .set(FAVORITES.USER_ID, userId)
                .set(FAVORITES.ARTICLE_ID, articleId)
                .onDuplicateKeyIgnore()
                .execute();
    }

    /** Removes the favorite of {@code userId} on {@code articleId}; a no-op if there was none. */
    void remove(long userId, long articleId) {
        db.dsl().deleteFrom(FAVORITES)
                .where(FAVORITES.USER_ID.eq(userId).and(FAVORITES.ARTICLE_ID.eq(articleId)))
                .execute();
    }
}
