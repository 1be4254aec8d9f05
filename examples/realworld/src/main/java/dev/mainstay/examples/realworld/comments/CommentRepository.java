package dev.mainstay.examples.realworld.comments;

import static dev.mainstay.examples.realworld.db.Tables.COMMENTS;
import static dev.mainstay.examples.realworld.db.Tables.USERS;

import dev.mainstay.examples.realworld.common.Timestamps;
import dev.mainstay.examples.realworld.profiles.Profile;
import dev.mainstay.examples.realworld.profiles.ProfileRepository;
import dev.mainstay.persistence.Database;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Record;

/**
 * Reads and writes the {@code comments} table. A viewer id of {@code null} means "signed out".
 * Thread-safe.
 */
public final class CommentRepository {
    private final Database db;

    /** Creates the repository over {@code db}; inside {@code db.transaction(..)} it joins the transaction. */
    public CommentRepository(Database db) {
        this.db = db;
    }

    /**
     * A stored comment, as the service needs it to check where it belongs and who wrote it.
     *
     * @param id the primary key
     * @param articleId the article it is on
     * @param authorId the user who wrote it
     */
    record CommentRow(long id, long articleId, long authorId) {}

    /** Inserts a comment written at {@code now} (UTC) and returns its id. */
    long insert(long articleId, long authorId, String body, LocalDateTime now) {
        return db.dsl().insertInto(COMMENTS)
                .set(COMMENTS.ARTICLE_ID, articleId)
                .set(COMMENTS.AUTHOR_ID, authorId)
                .set(COMMENTS.BODY, body)
                .set(COMMENTS.CREATED_AT, now)
                .set(COMMENTS.UPDATED_AT, now)
                .returningResult(COMMENTS.ID)
                .fetchSingle()
                .value1();
    }

    /** Returns comment {@code id} as {@code viewerId} sees it, if it exists. */
    Optional<Comment> find(long id, Long viewerId) {
        return select(COMMENTS.ID.eq(id), viewerId).stream().findFirst();
    }

    /** Returns the comments on article {@code articleId}, oldest first, as {@code viewerId} sees them. */
    List<Comment> ofArticle(long articleId, Long viewerId) {
        return select(COMMENTS.ARTICLE_ID.eq(articleId), viewerId);
    }

    /** Returns where comment {@code id} is and who wrote it, if it exists. */
    Optional<CommentRow> findRow(long id) {
        return db.dsl().select(COMMENTS.ID, COMMENTS.ARTICLE_ID, COMMENTS.AUTHOR_ID)
                .from(COMMENTS)
                .where(COMMENTS.ID.eq(id))
                .fetchOptional(r -> new CommentRow(r.value1(), r.value2(), r.value3()));
    }

    /** Deletes comment {@code id}. */
    void delete(long id) {
        db.dsl().deleteFrom(COMMENTS).where(COMMENTS.ID.eq(id)).execute();
    }

    private List<Comment> select(Condition condition, Long viewerId) {
        return db.dsl().select(
                        COMMENTS.ID,
                        COMMENTS.CREATED_AT,
                        COMMENTS.UPDATED_AT,
                        COMMENTS.BODY,
                        USERS.USERNAME,
                        USERS.BIO,
                        USERS.IMAGE,
                        ProfileRepository.following(COMMENTS.AUTHOR_ID, viewerId)
                                .as("following"))
                .from(COMMENTS)
                .join(USERS)
                .on(USERS.ID.eq(COMMENTS.AUTHOR_ID))
                .where(condition)
                .orderBy(COMMENTS.CREATED_AT, COMMENTS.ID)
                .fetch(CommentRepository::toComment);
    }

    private static Comment toComment(Record r) {
        return new Comment(
                r.get(COMMENTS.ID),
                Timestamps.format(r.get(COMMENTS.CREATED_AT)),
                Timestamps.format(r.get(COMMENTS.UPDATED_AT)),
                r.get(COMMENTS.BODY),
                new Profile(
                        r.get(USERS.USERNAME),
                        r.get(USERS.BIO),
                        r.get(USERS.IMAGE),
                        r.get("following", Boolean.class)));
    }
}
