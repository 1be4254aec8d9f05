package dev.mainstay.examples.realworld.repository;

import static dev.mainstay.examples.realworld.repository.schema.Tables.FOLLOWS;
import static dev.mainstay.examples.realworld.repository.schema.Tables.USERS;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.selectOne;

import dev.mainstay.examples.realworld.dto.Profile;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * Reads profiles (users as others see them) and writes the {@code follows} table.
 *
 * <p>A viewer id of {@code null} means "signed out": {@code following} is then always {@code false}.
 * Stateless and thread-safe.
 */
public final class ProfileRepository {

    /** Returns the profile of {@code username} as {@code viewerId} sees it, if the user exists. */
    public Optional<Profile> find(DSLContext dsl, String username, Long viewerId) {
        return dsl.select(USERS.USERNAME, USERS.BIO, USERS.IMAGE, following(USERS.ID, viewerId))
                .from(USERS)
                .where(USERS.USERNAME.eq(username))
                .fetchOptional(r -> new Profile(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** Makes {@code followerId} follow {@code followeeId}; following twice changes nothing. */
    public void follow(DSLContext dsl, long followerId, long followeeId) {
        dsl.insertInto(FOLLOWS)
                .set(FOLLOWS.FOLLOWER_ID, followerId)
                .set(FOLLOWS.FOLLOWEE_ID, followeeId)
                .onDuplicateKeyIgnore()
                .execute();
    }

    /** Makes {@code followerId} stop following {@code followeeId}; a no-op if it did not. */
    public void unfollow(DSLContext dsl, long followerId, long followeeId) {
        dsl.deleteFrom(FOLLOWS)
                .where(FOLLOWS.FOLLOWER_ID.eq(followerId).and(FOLLOWS.FOLLOWEE_ID.eq(followeeId)))
                .execute();
    }

    /** Returns a column telling whether {@code viewerId} follows the user in {@code userId}. */
    static Field<Boolean> following(Field<Long> userId, Long viewerId) {
        if (viewerId == null) {
            return inline(false);
        }
        return field(exists(
                selectOne().from(FOLLOWS).where(FOLLOWS.FOLLOWER_ID.eq(viewerId).and(FOLLOWS.FOLLOWEE_ID.eq(userId)))));
    }
}
