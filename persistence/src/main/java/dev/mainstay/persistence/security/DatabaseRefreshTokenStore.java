package dev.mainstay.persistence.security;

import dev.mainstay.persistence.Database;
import dev.mainstay.security.token.RefreshTokenStore;
import dev.mainstay.security.token.StoredRefreshToken;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The {@link RefreshTokenStore} of mainstay-security, kept in the table {@code mainstay_refresh_token},
 * so that rotation and reuse detection hold across every instance of a service.
 *
 * <pre>{@code
 * RefreshTokenStore store = DatabaseRefreshTokenStore.create(db);
 * }</pre>
 *
 * <p>{@link #create} applies the table's own migration ({@code classpath:db/mainstay/refresh-token},
 * history in {@code mainstay_refresh_token_history}) unless {@code db.migrate} is off; then apply those
 * scripts with your own tooling. {@link #markUsed} is a single conditional {@code UPDATE}, so exactly one
 * of many concurrent rotations wins on every database. {@link #exchange} and the revocations each run
 * in one transaction that first locks the rows they decide on ({@code SELECT ... FOR UPDATE}, honoured
 * by H2, PostgreSQL and MariaDB), so a reuse that revokes a family while it is being rotated waits for
 * the rotation and then revokes the new token too. Instants are kept to the millisecond.
 * Statements join the caller's {@link Database#transaction} when there is one. Thread-safe.
 */
public final class DatabaseRefreshTokenStore implements RefreshTokenStore {
    /** The table's own Flyway history, apart from the application's. */
    public static final String HISTORY_TABLE = "mainstay_refresh_token_history";

    private static final Table<Record> TOKENS = DSL.table(DSL.name("mainstay_refresh_token"));
    private static final Field<String> TOKEN_HASH = DSL.field(DSL.name("token_hash"), SQLDataType.VARCHAR(128));
    private static final Field<String> FAMILY_ID = DSL.field(DSL.name("family_id"), SQLDataType.VARCHAR(128));
    private static final Field<String> SUBJECT = DSL.field(DSL.name("subject"), SQLDataType.VARCHAR(255));
    private static final Field<Long> ISSUED_AT = DSL.field(DSL.name("issued_at_ms"), SQLDataType.BIGINT);
    private static final Field<Long> EXPIRES_AT = DSL.field(DSL.name("expires_at_ms"), SQLDataType.BIGINT);
    private static final Field<Long> USED_AT = DSL.field(DSL.name("used_at_ms"), SQLDataType.BIGINT);
    private static final Field<Long> REVOKED_AT = DSL.field(DSL.name("revoked_at_ms"), SQLDataType.BIGINT);
    private static final Field<Long> FAMILY_STARTED_AT =
            DSL.field(DSL.name("family_started_at_ms"), SQLDataType.BIGINT);

    private final Database database;
    private final DSLContext dsl;

    private DatabaseRefreshTokenStore(Database database) {
        this.database = database;
        this.dsl = database.dsl();
    }

    /**
     * Returns a store on {@code database}, creating its table first when {@code db.migrate} is on.
     *
     * @param database the database to keep tokens in; not null
     * @return the store
     * @throws dev.mainstay.persistence.DatabaseException when the table's migration fails
     */
    public static DatabaseRefreshTokenStore create(Database database) {
        database.migrateModule(
                HISTORY_TABLE,
                "classpath:db/mainstay/refresh-token/common",
                "classpath:db/mainstay/refresh-token/{vendor}");
        return new DatabaseRefreshTokenStore(database);
    }

    /** {@inheritDoc} A token whose hash is already stored raises a {@code UniqueViolationException}. */
    @Override
    public void save(StoredRefreshToken token) {
        insert(dsl, token);
    }

    private static void insert(DSLContext dsl, StoredRefreshToken token) {
        dsl.insertInto(TOKENS)
                .set(TOKEN_HASH, token.tokenHash())
                .set(FAMILY_ID, token.familyId())
                .set(SUBJECT, token.subject())
                .set(ISSUED_AT, millis(token.issuedAt()))
                .set(EXPIRES_AT, millis(token.expiresAt()))
                .set(USED_AT, millis(token.usedAt()))
                .set(REVOKED_AT, millis(token.revokedAt()))
                .set(FAMILY_STARTED_AT, millis(token.familyStartedAt()))
                .execute();
    }

    /** {@inheritDoc} One primary-key lookup. */
    @Override
    public Optional<StoredRefreshToken> find(String tokenHash) {
        return dsl.select(TOKEN_HASH, FAMILY_ID, SUBJECT, ISSUED_AT, EXPIRES_AT, USED_AT, REVOKED_AT, FAMILY_STARTED_AT)
                .from(TOKENS)
                .where(TOKEN_HASH.eq(tokenHash))
                .fetchOptional(r -> new StoredRefreshToken(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        instant(r.value4()),
                        instant(r.value5()),
                        instant(r.value6()),
                        instant(r.value7()),
                        instant(r.value8()))); // null in rows from before V3: the record takes issuedAt
    }

    /** {@inheritDoc} One conditional {@code UPDATE}: the database decides which concurrent caller wins. */
    @Override
    public boolean markUsed(String tokenHash, Instant at) {
        return dsl.update(TOKENS)
                        .set(USED_AT, millis(at))
                        .where(TOKEN_HASH.eq(tokenHash))
                        .and(USED_AT.isNull())
                        .and(REVOKED_AT.isNull())
                        .execute()
                == 1;
    }

    /**
     * {@inheritDoc} One transaction: locks the presented row, then either marks it used and inserts
     * {@code next}, or revokes the family. A concurrent revocation of the family waits on that lock.
     */
    @Override
    public boolean exchange(String presentedHash, StoredRefreshToken next, Instant at) {
        return database.transactionResult(tx -> {
            Record presented = tx.select(USED_AT, REVOKED_AT)
                    .from(TOKENS)
                    .where(TOKEN_HASH.eq(presentedHash))
                    .forUpdate()
                    .fetchOne();
            if (presented != null && presented.get(USED_AT) == null && presented.get(REVOKED_AT) == null) {
                tx.update(TOKENS).set(USED_AT, millis(at)).where(TOKEN_HASH.eq(presentedHash)).execute();
                insert(tx, next);
                return true;
            }
            revokeWhere(tx, FAMILY_ID, next.familyId(), at);
            return false;
        });
    }

    /** {@inheritDoc} Tokens revoked earlier keep their first revocation time. */
    @Override
    public void revokeFamily(String familyId, Instant at) {
        revokeWhere(FAMILY_ID, familyId, at);
    }

    /** {@inheritDoc} Tokens revoked earlier keep their first revocation time. */
    @Override
    public void revokeSubject(String subject, Instant at) {
        revokeWhere(SUBJECT, subject, at);
    }

    /** {@inheritDoc} Uses the index on {@code expires_at_ms}. */
    @Override
    public int deleteExpired(Instant now) {
        return dsl.deleteFrom(TOKENS).where(EXPIRES_AT.lt(millis(now))).execute();
    }

    private void revokeWhere(Field<String> column, String value, Instant at) {
        Objects.requireNonNull(value, column.getName());
        database.transaction(tx -> revokeWhere(tx, column, value, at));
    }

    /**
     * Locks the rows first, then updates them in a second statement. A single {@code UPDATE} that waits
     * on a row an exchange has locked would, on PostgreSQL, re-check only the rows it saw when it
     * started, and miss the token the exchange inserts; the {@code UPDATE} after the lock sees it.
     */
    private static void revokeWhere(DSLContext tx, Field<String> column, String value, Instant at) {
        tx.select(TOKEN_HASH).from(TOKENS).where(column.eq(value)).forUpdate().fetch();
        tx.update(TOKENS)
                .set(REVOKED_AT, millis(at))
                .where(column.eq(value))
                .and(REVOKED_AT.isNull())
                .execute();
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
