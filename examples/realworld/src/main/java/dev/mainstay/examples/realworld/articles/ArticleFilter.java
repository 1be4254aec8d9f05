package dev.mainstay.examples.realworld.articles;

import static dev.mainstay.examples.realworld.db.Tables.ARTICLES;
import static dev.mainstay.examples.realworld.db.Tables.ARTICLE_TAGS;
import static dev.mainstay.examples.realworld.db.Tables.FAVORITES;
import static dev.mainstay.examples.realworld.db.Tables.FOLLOWS;
import static dev.mainstay.examples.realworld.db.Tables.TAGS;
import static dev.mainstay.examples.realworld.db.Tables.USERS;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;

import org.jooq.Condition;

/**
 * Which articles a list shows. Every criterion is optional ({@code null}) and they combine with AND.
 *
 * @param tag only articles with this tag
 * @param author only articles by the user with this username
 * @param favoritedBy only articles favorited by the user with this username
 * @param feedOf only articles by authors whom the user with this id follows (the feed)
 */
public record ArticleFilter(String tag, String author, String favoritedBy, Long feedOf) {

    /** Returns the filter of {@code GET /api/articles}. */
    public static ArticleFilter of(String tag, String author, String favoritedBy) {
        return new ArticleFilter(tag, author, favoritedBy, null);
    }

    /** Returns the filter of the feed of user {@code userId}. */
    public static ArticleFilter feed(long userId) {
        return new ArticleFilter(null, null, null, userId);
    }

    /** Subqueries rather than joins, so that the count query needs no join either. */
    Condition condition() {
        Condition condition = noCondition();
        if (tag != null) {
            condition = condition.and(ARTICLES.ID.in(select(ARTICLE_TAGS.ARTICLE_ID)
                    .from(ARTICLE_TAGS)
                    .join(TAGS)
                    .on(TAGS.ID.eq(ARTICLE_TAGS.TAG_ID))
                    .where(TAGS.NAME.eq(tag))));
        }
        if (author != null) {
            condition = condition.and(
                    ARTICLES.AUTHOR_ID.in(select(USERS.ID).from(USERS).where(USERS.USERNAME.eq(author))));
        }
        if (favoritedBy != null) {
            condition = condition.and(ARTICLES.ID.in(select(FAVORITES.ARTICLE_ID)
                    .from(FAVORITES)
                    .join(USERS)
                    .on(USERS.ID.eq(FAVORITES.USER_ID))
                    .where(USERS.USERNAME.eq(favoritedBy))));
        }
        if (feedOf != null) {
            condition = condition.and(ARTICLES.AUTHOR_ID.in(
                    select(FOLLOWS.FOLLOWEE_ID).from(FOLLOWS).where(FOLLOWS.FOLLOWER_ID.eq(feedOf))));
        }
        return condition;
    }
}
