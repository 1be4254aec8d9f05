package dev.mainstay.examples.realworld.users;

import static dev.mainstay.examples.realworld.db.Tables.USERS;

import dev.mainstay.core.problem.Validation;
import dev.mainstay.persistence.Database;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.jooq.Condition;
import org.jooq.Record;

/**
 * Reads and writes the {@code users} table with jOOQ.
 *
 * <p>Statements run on {@code db.dsl()}, so they join the caller's transaction: a service decides
 * what shares one. Thread-safe.
 */
public final class UserRepository {
    private final Database db;

    /** Creates the repository over {@code db}; inside {@code db.transaction(..)} it joins the transaction. */
    public UserRepository(Database db) {
        this.db = db;
    }

    /** Returns the user with primary key {@code id}, if any. */
    public Optional<UserRow> findById(long id) {
        return find(USERS.ID.eq(id));
    }

    /** Returns the user with the (lower-cased) e-mail address {@code email}, if any. */
    public Optional<UserRow> findByEmail(String email) {
        return find(USERS.EMAIL.eq(email));
    }

    /** Returns the user named {@code username} (case-sensitive), if any. */
    public Optional<UserRow> findByUsername(String username) {
        return find(USERS.USERNAME.eq(username));
    }

    /** Tells whether another user than {@code exceptId} has {@code username}; pass 0 to check all. */
    public boolean usernameTaken(String username, long exceptId) {
        return db.dsl().fetchExists(USERS, USERS.USERNAME.eq(username).and(USERS.ID.ne(exceptId)));
    }

    /** Tells whether another user than {@code exceptId} has {@code email}; pass 0 to check all. */
    public boolean emailTaken(String email, long exceptId) {
        return db.dsl().fetchExists(USERS, USERS.EMAIL.eq(email).and(USERS.ID.ne(exceptId)));
    }

    /**
     * Inserts a user and returns it.
     *
     * @throws org.jooq.exception.DataAccessException on a taken username or e-mail (a race the
     *     service's checks lost); mainstay-persistence turns it into its unique-violation exception
     */
    public UserRow insert(String username, String email, String passwordHash) {
        long id = db.dsl().insertInto(USERS)
                .set(USERS.USERNAME, username)
                .set(USERS.EMAIL, email)
                .set(USERS.PASSWORD_HASH, passwordHash)
                .returningResult(USERS.ID)
                .fetchSingle()
                .value1();
        return new UserRow(id, username, email, passwordHash, null, null);
    }

    /** Writes every field of {@code user} except the id. */
    public void update(UserRow user) {
        db.dsl().update(USERS)
                .set(USERS.USERNAME, user.username())
                .set(USERS.EMAIL, user.email())
                .set(USERS.PASSWORD_HASH, user.passwordHash())
                .set(USERS.BIO, user.bio())
                .set(USERS.IMAGE, user.image())
                .where(USERS.ID.eq(user.id()))
                .execute();
    }

    /**
     * Tells mainstay-security's verifier, on every request, before which instant the tokens of {@code
     * subject} (a user id) are refused: the last change of password or e-mail, or {@link Instant#MAX}
     * (every token) when there is no such user, so a deleted user's tokens prove no one.
     */
    public Optional<Instant> tokensValidAfter(String subject) {
        OptionalLong id = Validation.parseWholeNumber(subject, 1, Long.MAX_VALUE);
        Optional<Long> epochSecond = id.isEmpty()
                ? Optional.empty()
                : db.dsl().select(USERS.TOKENS_VALID_AFTER)
                        .from(USERS)
                        .where(USERS.ID.eq(id.getAsLong()))
                        .fetchOptional(USERS.TOKENS_VALID_AFTER);
        return Optional.of(epochSecond.map(Instant::ofEpochSecond).orElse(Instant.MAX));
    }

    /** Refuses from now on every token of user {@code id} issued before epoch second {@code validAfter}. */
    public void revokeTokens(long id, long validAfter) {
        db.dsl().update(USERS).set(USERS.TOKENS_VALID_AFTER, validAfter).where(USERS.ID.eq(id)).execute();
    }

    /** Replaces the password hash of user {@code id} (after a rehash at a new bcrypt cost). */
    public void updatePasswordHash(long id, String passwordHash) {
        db.dsl().update(USERS)
                .set(USERS.PASSWORD_HASH, passwordHash)
                .where(USERS.ID.eq(id))
                .execute();
    }

    private Optional<UserRow> find(Condition condition) {
        return db.dsl().select(USERS.ID, USERS.USERNAME, USERS.EMAIL, USERS.PASSWORD_HASH, USERS.BIO, USERS.IMAGE)
                .from(USERS)
                .where(condition)
                .fetchOptional(UserRepository::toRow);
    }

    private static UserRow toRow(Record r) {
        return new UserRow(
                r.get(USERS.ID),
                r.get(USERS.USERNAME),
                r.get(USERS.EMAIL),
                r.get(USERS.PASSWORD_HASH),
                r.get(USERS.BIO),
                r.get(USERS.IMAGE));
    }
}
