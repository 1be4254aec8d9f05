package dev.mainstay.persistence.idempotency;

import dev.mainstay.persistence.Database;
import dev.mainstay.persistence.DatabaseException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Idempotency keys and their stored answers, in the table {@code mainstay_idempotency}: the plain-Java
 * half of {@code dev.mainstay.persistence.web.Idempotency}, usable without a web framework.
 *
 * <p>The protocol, all in the application's one transaction: {@link #claim} inserts the key's row
 * first, the application writes, {@link #complete} stores the answer; the commit makes both durable
 * or neither. While that transaction runs, its uncommitted row holds the key: a concurrent {@link
 * #claim} of the same key waits at most {@link #LOCK_WAIT} for it and then throws {@link
 * IdempotencyKeyInUseException}; if the first commits within the wait, it throws the database's
 * unique violation and {@link #find} then returns the stored answer. {@link #create} applies the
 * table's migration ({@code classpath:db/mainstay/idempotency}, history {@code
 * mainstay_idempotency_history}) unless {@code db.migrate} is off. Thread-safe.
 */
public final class IdempotencyStore {
    /** The table's own Flyway history, apart from the application's. */
    public static final String HISTORY_TABLE = "mainstay_idempotency_history";
    /** How long a claim waits for a concurrent request with the same key before giving up: 1 second. */
    public static final java.time.Duration LOCK_WAIT = java.time.Duration.ofSeconds(1);

    private static final Table<Record> KEYS = DSL.table(DSL.name("mainstay_idempotency"));
    private static final Field<String> KEY_HASH = DSL.field(DSL.name("key_hash"), SQLDataType.VARCHAR(64));
    private static final Field<String> REQUEST_HASH = DSL.field(DSL.name("request_hash"), SQLDataType.VARCHAR(64));
    private static final Field<Integer> STATUS = DSL.field(DSL.name("status"), SQLDataType.INTEGER);
    private static final Field<String> CONTENT_TYPE = DSL.field(DSL.name("content_type"), SQLDataType.VARCHAR(255));
    private static final Field<String> LOCATION = DSL.field(DSL.name("location"), SQLDataType.VARCHAR(2048));
    private static final Field<String> BODY = DSL.field(DSL.name("body"), SQLDataType.CLOB);
    private static final Field<Long> EXPIRES_AT = DSL.field(DSL.name("expires_at_ms"), SQLDataType.BIGINT);

    private static final int H2_LOCK_TIMEOUT = 50200;
    private static final int MARIADB_LOCK_WAIT_TIMEOUT = 1205;

    private final Database database;

    private IdempotencyStore(Database database) {
        this.database = database;
    }

    /**
     * Returns a store on {@code database}, creating its table first when {@code db.migrate} is on.
     *
     * @param database where keys are kept; the application's writes must use the same database
     * @return the store
     * @throws DatabaseException when the table's migration fails
     */
    public static IdempotencyStore create(Database database) {
        Objects.requireNonNull(database, "database");
        database.migrateModule(
                HISTORY_TABLE,
                "classpath:db/mainstay/idempotency/common",
                "classpath:db/mainstay/idempotency/{vendor}");
        return new IdempotencyStore(database);
    }

    /**
     * Returns the database the keys live in.
     *
     * @return the database
     */
    public Database database() {
        return database;
    }

    /**
     * Returns the committed answer stored for {@code keyHash}, unless it expired at {@code now}.
     *
     * @param keyHash the key's hash (identity and key)
     * @param now the current instant
     * @return the answer, or empty
     */
    public Optional<StoredAnswer> find(String keyHash, Instant now) {
        return database.dsl()
                .select(REQUEST_HASH, STATUS, CONTENT_TYPE, LOCATION, BODY)
                .from(KEYS)
                .where(KEY_HASH.eq(keyHash))
                .and(EXPIRES_AT.gt(now.toEpochMilli()))
                .and(STATUS.isNotNull())
                .fetchOptional(r -> new StoredAnswer(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /**
     * Inserts the key's row in the caller's transaction {@code tx}, after deleting an expired row of the
     * same key; call it before the application's first write.
     *
     * @param tx the context of the application's transaction
     * @param keyHash the key's hash
     * @param requestHash the request's hash
     * @param expiresAt when the key may be forgotten
     * @param now the current instant: a row of the same key that expired before it is replaced
     * @throws IdempotencyKeyInUseException when a concurrent transaction holds the key longer than {@link
     *     #LOCK_WAIT}
     * @throws dev.mainstay.persistence.UniqueViolationException when the key was committed meanwhile:
     *     roll back and {@link #find} it
     */
    public void claim(DSLContext tx, String keyHash, String requestHash, Instant expiresAt, Instant now) {
        // Bounded before the delete too: on MariaDB the delete is a locking read that waits for the
        // concurrent request's row as the insert would.
        Object previous = boundLockWait(tx);
        boolean inserted = false;
        try {
            tx.deleteFrom(KEYS)
                    .where(KEY_HASH.eq(keyHash))
                    .and(EXPIRES_AT.le(now.toEpochMilli()))
                    .execute();
            tx.insertInto(KEYS)
                    .set(KEY_HASH, keyHash)
                    .set(REQUEST_HASH, requestHash)
                    .set(EXPIRES_AT, expiresAt.toEpochMilli())
                    .execute();
            inserted = true;
        } catch (DatabaseException e) {
            if (isLockTimeout(e)) {
                throw new IdempotencyKeyInUseException(e);
            }
            throw e;
        } finally {
            // PostgreSQL aborts the transaction on an error, and its rollback undoes SET LOCAL; the
            // others keep the setting on the pooled session, so it is restored whatever happened.
            if (inserted || database.dialect().family() != SQLDialect.POSTGRES) {
                restoreLockWait(tx, previous);
            }
        }
    }

    /**
     * Stores {@code answer} in the row {@link #claim} inserted, in the same transaction {@code tx}.
     *
     * @param tx the context of the application's transaction
     * @param keyHash the key's hash
     * @param answer the answer to replay to retries
     */
    public void complete(DSLContext tx, String keyHash, StoredAnswer answer) {
        tx.update(KEYS)
                .set(STATUS, answer.status())
                .set(CONTENT_TYPE, answer.contentType())
                .set(LOCATION, answer.location())
                .set(BODY, answer.body())
                .where(KEY_HASH.eq(keyHash))
                .execute();
    }

    /**
     * Deletes every key that expired at {@code now}; {@code MainstayPersistence.idempotency} schedules it.
     *
     * @param now the current instant
     * @return how many keys were deleted
     */
    public int deleteExpired(Instant now) {
        return database.dsl().deleteFrom(KEYS).where(EXPIRES_AT.le(now.toEpochMilli())).execute();
    }

    /** Bounds how long the next statement waits for another transaction's row; returns what to restore. */
    private Object boundLockWait(DSLContext tx) {
        long millis = LOCK_WAIT.toMillis();
        switch (database.dialect().family()) {
            case POSTGRES -> tx.execute("SET LOCAL lock_timeout = '" + millis + "ms'");
            case MARIADB, MYSQL -> tx.execute("SET SESSION innodb_lock_wait_timeout = " + Math.max(1, millis / 1000));
            case H2 -> {
                Object previous = tx.fetchValue("CALL LOCK_TIMEOUT()");
                tx.execute("SET LOCK_TIMEOUT " + millis);
                return previous;
            }
            default -> {}
        }
        return null;
    }

    private void restoreLockWait(DSLContext tx, Object previous) {
        switch (database.dialect().family()) {
            case POSTGRES -> tx.execute("SET LOCAL lock_timeout TO DEFAULT");
            case MARIADB, MYSQL -> tx.execute("SET SESSION innodb_lock_wait_timeout = DEFAULT");
            case H2 -> tx.execute("SET LOCK_TIMEOUT " + ((Number) previous).intValue());
            default -> {}
        }
    }

    private static boolean isLockTimeout(DatabaseException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                if ("55P03".equals(sql.getSQLState())
                        || sql.getErrorCode() == H2_LOCK_TIMEOUT
                        || sql.getErrorCode() == MARIADB_LOCK_WAIT_TIMEOUT) {
                    return true;
                }
            }
        }
        return false;
    }
}
