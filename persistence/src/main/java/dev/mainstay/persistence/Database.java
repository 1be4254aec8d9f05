package dev.mainstay.persistence;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.mainstay.core.health.HealthCheck;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A relational database: a HikariCP pool, a jOOQ {@link DSLContext} over it, Flyway migrations,
 * transactions, a readiness check and metrics.
 *
 * <pre>{@code
 * Database db = Database.create(config.bind(DatabaseConfig::from));
 * List<String> names = db.dsl().select(ITEM.NAME).from(ITEM).fetch(ITEM.NAME);
 * db.transaction(tx -> tx.insertInto(ITEM).set(ITEM.NAME, "a").execute());
 * }</pre>
 *
 * <p>Thread-safe: create one per database at start-up, share it, and {@link #close()} it at shutdown.
 * Every {@link SQLException} surfaces as a {@link DatabaseException} (or {@link
 * UniqueViolationException}, {@link DatabaseUnavailableException}).
 */
public final class Database implements AutoCloseable, MeterBinder {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final DatabaseConfig config;
    private final Vendor vendor;
    private final HikariDataSource dataSource;
    private final SqlErrors errors;
    private final QueryMetrics metrics = new QueryMetrics();
    private final DSLContext dsl;
    private final Startup startup;
    /** The innermost transaction of each thread, so that a nested call can start from it. */
    private final ThreadLocal<DSLContext> current = new ThreadLocal<>();

    private Database(DatabaseConfig config, Vendor vendor, HikariDataSource dataSource) {
        this.config = config;
        this.vendor = vendor;
        this.dataSource = dataSource;
        this.errors = new SqlErrors(config.connectionTimeout(), config.queryTimeout());
        this.dsl = Jooq.context(vendor, dataSource, errors, metrics);
        this.startup = new Startup(config, vendor, dataSource);
    }

    /**
     * Opens the pool, builds the jOOQ context and, when {@code db.migrate} is on, applies the
     * migrations: before returning with {@code db.startup=fail-fast}, in the background with {@code wait}.
     *
     * @param config the settings, usually {@code config.bind(DatabaseConfig::from)}; not null
     * @return a ready database (fail-fast) or one that becomes ready when the server appears (wait)
     * @throws DatabaseException when the URL is unsupported, its driver is missing, the database is
     *     unreachable or refuses the credentials (fail-fast), or a migration fails; the message names
     *     the key ({@code db.url}, {@code db.user}) or the script, and the fix
     */
    public static Database create(DatabaseConfig config) {
        Objects.requireNonNull(config, "config");
        Vendor vendor = Vendor.of(config.url());
        if (vendor == null) {
            throw new DatabaseException("db.url '" + Urls.redact(config.url())
                    + "' is not supported: it must start with " + Vendor.prefixes());
        }
        HikariDataSource dataSource = Pool.open(config, vendor);
        try {
            Database database = new Database(config, vendor, dataSource);
            database.startup.begin(new Migrations(config.migrationLocations(), Migrations.APPLICATION_HISTORY));
            LOG.info(
                    config.startup() == DatabaseConfig.Startup.WAIT
                            ? "Database {} (pool of {}) started; connecting in the background (db.startup=wait)"
                            : "Database {} (pool of {}) ready",
                    Urls.redact(config.url()),
                    config.poolMaxSize());
            return database;
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /** Returns the settings this database was created with. */
    public DatabaseConfig config() {
        return config;
    }

    /**
     * Returns the shared jOOQ context. Each statement borrows a pooled connection, or, inside {@link
     * #transaction}, uses the transaction's. Thread-safe; the same instance on every call.
     */
    public DSLContext dsl() {
        return dsl;
    }

    /** Returns the pool, for libraries that need plain JDBC; statements run through it are not timed. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Returns the SQL dialect, derived from the JDBC URL. */
    public SQLDialect dialect() {
        return vendor.dialect();
    }

    /**
     * Runs {@code work} in a transaction: commits when it returns, rolls back when it throws.
     *
     * <p>Nested use (either transaction method of this class, or jOOQ's {@code tx.transaction(..)},
     * inside {@code work} on the same thread) sets a savepoint: if the inner work throws, only the
     * inner work is rolled back and the exception reaches the outer work, which may catch it and go
     * on. Do not nest with {@code db.dsl().transaction(..)}: jOOQ would commit the shared connection
     * on its own. The transaction belongs to the calling thread; {@code dsl()} joins it there, but
     * another thread does not.
     *
     * @param work the statements to run, given a context bound to the transaction; not null
     * @throws DatabaseException when a statement or the commit fails; any other exception of {@code
     *     work} is rethrown as it is, after the rollback
     */
    public void transaction(Consumer<DSLContext> work) {
        Objects.requireNonNull(work, "work");
        transactionResult(tx -> {
            work.accept(tx);
            return null;
        });
    }

    /**
     * Runs {@code work} in a transaction and returns its result; otherwise as {@link #transaction}.
     *
     * @param work the statements to run; not null
     * @return what {@code work} returned, after the commit
     * @throws DatabaseException when a statement or the commit fails
     */
    public <T> T transactionResult(Function<DSLContext, T> work) {
        Objects.requireNonNull(work, "work");
        try {
            // jOOQ nests (with a savepoint) only when the inner transaction starts from the outer one's
            // context, so remember that context for this thread and start nested calls from it.
            DSLContext outer = current.get();
            return (outer == null ? dsl : outer).transactionResult(configuration -> {
                DSLContext tx = configuration.dsl();
                current.set(tx);
                try {
                    return work.apply(tx);
                } finally {
                    restore(outer);
                }
            });
        } catch (DataAccessException e) {
            // Statements are translated by the listener; this is begin, commit or rollback failing.
            SQLException sql = e.getCause(SQLException.class);
            if (sql == null) {
                throw e;
            }
            throw errors.translate("Transaction", sql, e);
        }
    }

    private void restore(DSLContext outer) {
        if (outer == null) {
            current.remove();
        } else {
            current.set(outer);
        }
    }

    /**
     * Returns the readiness check: unhealthy while start-up is waiting, otherwise runs {@code SELECT 1}
     * on a pooled connection, bounded by {@code db.pool.connection-timeout} and two seconds of query.
     * Register it with Mainstay as a readiness check.
     */
    public HealthCheck healthCheck() {
        return new DatabaseHealth(dataSource, startup, errors);
    }

    /**
     * Publishes HikariCP's pool metrics ({@code hikaricp.connections.*}, tag {@code pool=mainstay-db})
     * and the {@code db.query} timer (tags {@code type} and {@code outcome}) to {@code registry}.
     *
     * @param registry where to publish; not null
     * @throws IllegalStateException when already bound: bind a {@code CompositeMeterRegistry} once to
     *     publish to several registries
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        metrics.bind(registry);
        dataSource.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
    }

    /**
     * Applies a module's own migrations, tracked in their own history table so that their versions
     * never collide with the application's; for Mainstay modules that own tables, such as the
     * refresh-token store. Does nothing when {@code db.migrate} is off (then apply the module's scripts
     * with your own tooling). With {@code db.startup=wait} they run once the database appears.
     *
     * @param historyTable the table recording them, e.g. {@code mainstay_x_history}; not null
     * @param locations the Flyway locations of the module's scripts; {@value
     *     DatabaseConfig#VENDOR_PLACEHOLDER} stands for the vendor folder, which may be absent
     * @throws DatabaseException naming the failing script
     */
    public void migrateModule(String historyTable, String... locations) {
        Objects.requireNonNull(historyTable, "historyTable");
        startup.add(new Migrations(List.of(locations), historyTable));
    }

    /** Stops start-up if it is still waiting, then closes every pooled connection. Idempotent. */
    @Override
    public void close() {
        startup.close();
        dataSource.close();
    }
}
