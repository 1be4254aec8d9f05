package dev.mainstay.persistence.security;

import dev.mainstay.persistence.Database;
import dev.mainstay.persistence.DatabaseException;
import dev.mainstay.persistence.UniqueViolationException;
import dev.mainstay.security.throttle.ThrottleStore;
import dev.mainstay.security.throttle.ThrottleWindow;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The {@link ThrottleStore} of mainstay-security, kept in the table {@code mainstay_throttle}, so that
 * one login limit holds across every instance of a service (with the memory store, N instances give
 * an attacker N times the limit).
 *
 * <pre>{@code
 * ThrottleStore store = DatabaseThrottleStore.create(db);
 * }</pre>
 *
 * <p>In a Mainstay app, {@code MainstayPersistence.throttleStore(setup, db)} chooses it with {@code
 * security.throttle.store=database} and schedules {@link #deleteExpired}. {@link #create} applies the
 * table's own migration ({@code classpath:db/mainstay/throttle}, history in {@code
 * mainstay_throttle_history}) unless {@code db.migrate} is off.
 *
 * <p><b>Atomic counting.</b> {@link #increment} is one upsert ({@code INSERT ... ON CONFLICT DO UPDATE}
 * on PostgreSQL, {@code ON DUPLICATE KEY UPDATE} on MariaDB/MySQL, {@code MERGE} on H2) that takes the
 * row's lock, then a read of the row in the same transaction, which therefore sees this call's count
 * and no other's. Two first attempts on a new key may both try to insert; the loser's unique violation
 * (or a deadlock report) is retried a few times, by which time the row exists.
 *
 * <p><b>Failure: closed.</b> When the database is down or slower than {@code db.query-timeout} or
 * {@code db.pool.connection-timeout}, every method throws (a {@code DatabaseUnavailableException},
 * 503 with {@code Retry-After} in a Mainstay app), and the login throttle refuses the login before
 * checking any password. Failing open would give an attacker an unthrottled window exactly when the
 * database is under strain, which an attacker can cause; the accounts live in the same database, so
 * logins could not succeed then anyway.
 *
 * <p><b>Cost.</b> A login that is not throttled costs two reads and two short upsert transactions;
 * a throttled one costs two primary-key reads and no write, so a flood against throttled keys
 * does not write. Statements join the caller's {@link Database#transaction} when there is one (then
 * the row lock lasts until that transaction ends). Thread-safe.
 */
public final class DatabaseThrottleStore implements ThrottleStore {
    /** The table's own Flyway history, apart from the application's. */
    public static final String HISTORY_TABLE = "mainstay_throttle_history";

    /** Tries of one increment that lost an insert race or a deadlock, before giving up. */
    private static final int TRIES = 5;

    private static final Table<Record> THROTTLE = DSL.table(DSL.name("mainstay_throttle"));
    private static final Field<String> KEY_HASH =
            DSL.field(DSL.name("mainstay_throttle", "key_hash"), SQLDataType.VARCHAR(64));
    private static final Field<Integer> ATTEMPTS =
            DSL.field(DSL.name("mainstay_throttle", "attempts"), SQLDataType.INTEGER);
    private static final Field<Long> WINDOW_ENDS =
            DSL.field(DSL.name("mainstay_throttle", "window_ends_ms"), SQLDataType.BIGINT);

    private final Database database;

    private DatabaseThrottleStore(Database database) {
        this.database = database;
    }

    /**
     * Returns a store on {@code database}, creating its table first when {@code db.migrate} is on.
     *
     * @param database the database to count in; not null
     * @return the store
     * @throws DatabaseException when the table's migration fails
     */
    public static DatabaseThrottleStore create(Database database) {
        database.migrateModule(
                HISTORY_TABLE, "classpath:db/mainstay/throttle/common", "classpath:db/mainstay/throttle/{vendor}");
        return new DatabaseThrottleStore(database);
    }

    /** {@inheritDoc} One primary-key read. */
    @Override
    public ThrottleWindow current(String key, Instant now) {
        return read(database.dsl(), hash(key), now);
    }

    /** {@inheritDoc} One upsert and one read in a transaction, retried after a lost insert race. */
    @Override
    public ThrottleWindow increment(String key, Instant now, Duration window) {
        String hash = hash(key);
        long nowMs = now.toEpochMilli();
        long endsMs = now.plus(window).toEpochMilli();
        for (int tried = 1; ; tried++) {
            try {
                return database.transactionResult(tx -> {
                    // Both SETs test the old end: MariaDB applies assignments left to right, so the
                    // window's end is assigned last.
                    Condition ended = WINDOW_ENDS.le(nowMs);
                    tx.insertInto(THROTTLE, KEY_HASH, ATTEMPTS, WINDOW_ENDS)
                            .values(hash, 1, endsMs)
                            .onConflict(KEY_HASH)
                            .doUpdate()
                            .set(ATTEMPTS, DSL.when(ended, DSL.inline(1)).otherwise(ATTEMPTS.plus(1)))
                            .set(WINDOW_ENDS, DSL.when(ended, DSL.val(endsMs)).otherwise(WINDOW_ENDS))
                            .execute();
                    return read(tx, hash, now);
                });
            } catch (DatabaseException e) {
                if (tried >= TRIES || !isRace(e)) {
                    throw e;
                }
            }
        }
    }

    /** {@inheritDoc} One conditional {@code UPDATE}. */
    @Override
    public void decrement(String key, Instant now) {
        database.dsl()
                .update(THROTTLE)
                .set(ATTEMPTS, ATTEMPTS.minus(1))
                .where(KEY_HASH.eq(hash(key)))
                .and(ATTEMPTS.gt(0))
                .and(WINDOW_ENDS.gt(now.toEpochMilli()))
                .execute();
    }

    /** {@inheritDoc} One {@code DELETE} by primary key. */
    @Override
    public void reset(String key) {
        database.dsl().deleteFrom(THROTTLE).where(KEY_HASH.eq(hash(key))).execute();
    }

    /** {@inheritDoc} One {@code DELETE} on the index of the window's end. */
    @Override
    public int deleteExpired(Instant now) {
        return database.dsl()
                .deleteFrom(THROTTLE)
                .where(WINDOW_ENDS.le(now.toEpochMilli()))
                .execute();
    }

    private static ThrottleWindow read(DSLContext dsl, String hash, Instant now) {
        Record row = dsl.select(ATTEMPTS, WINDOW_ENDS)
                .from(THROTTLE)
                .where(KEY_HASH.eq(hash))
                .fetchOne();
        if (row == null || row.get(WINDOW_ENDS) <= now.toEpochMilli()) {
            return new ThrottleWindow(0, now);
        }
        return new ThrottleWindow(row.get(ATTEMPTS), Instant.ofEpochMilli(row.get(WINDOW_ENDS)));
    }

    /** A lost insert race, or a deadlock or serialization failure (SQLState class 40): worth a retry. */
    private static boolean isRace(DatabaseException e) {
        if (e instanceof UniqueViolationException) {
            return true;
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }

    private static String hash(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
