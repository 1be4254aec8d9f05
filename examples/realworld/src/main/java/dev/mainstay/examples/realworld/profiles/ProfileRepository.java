package dev.mainstay.examples.realworld.profiles;

import static dev.mainstay.examples.realworld.db.Tables.FOLLOWS;
import static dev.mainstay.examples.realworld.db.Tables.USERS;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.selectOne;

import dev.mainstay.persistence.Database;
import java.util.Optional;
import org.jooq.Field;

/**
 * Reads profiles (users as others see them) and writes the {@code follows} table.
 *
 * <p>A viewer id of {@code null} means "signed out": {@code following} is then always {@code false}.
 * Thread-safe.
 */
public final class ProfileRepository {
    private final Database db;

    /** Creates the repository over {@code db}; inside {@code db.transaction(..)} it joins the transaction. */
    public ProfileRepository(Database db) {
        this.db = db;
    }

    /** Returns the profile of {@code username} as {@code viewerId} sees it, if the user exists. */
    Optional<Profile> find(String username, Long viewerId) {
        return db.dsl().select(USERS.USERNAME, USERS.BIO, USERS.IMAGE, following(USERS.ID, viewerId))
                .from(USERS)
                .where(USERS.USERNAME.eq(username))
                .fetchOptional(r -> new Profile(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** Makes {@code followerId} follow {@code followeeId}; following twice changes nothing. */
    void follow(long followerId, long followeeId) {
        db.dsl().insertInto(FOLLOWS)
                .set(FOLLOWS.FOLLOWER_ID, followerId)
                .set(FOLLOWS.FOLLOWEE_ID, followeeId)
                .onDuplicateKeyIgnore()
                .execute();
    }

    /** Makes {@code followerId} stop following {@code followeeId}; a no-op if it did not. */
    void unfollow(long followerId, long followeeId) {
        db.dsl().deleteFrom(FOLLOWS)
                .where(FOLLOWS.FOLLOWER_ID.eq(followerId).and(FOLLOWS.FOLLOWEE_ID.eq(followeeId)))
                .execute();
    }

    /** Returns a column telling whether {@code viewerId} follows the user in {@code userId}. */
    public static Field<Boolean> following(Field<Long> userId, Long viewerId) {
        if (viewerId == null) {
            return inline(false);
        }
        return field(exists(
                selectOne().from(FOLLOWS).where(FOLLOWS.FOLLOWER_ID.eq(viewerId).and(FOLLOWS.FOLLOWEE_ID.eq(userId)))));
    }
}
