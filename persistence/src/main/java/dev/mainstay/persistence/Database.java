package dev.mainstay.persistence;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A relational database: a HikariCP pool, a jOOQ {@link DSLContext} over it, Flyway migrations,
 * transactions, a readiness check and metrics.
 *
 * <pre>{@code
 * Database db = Database.create(DatabaseConfig.builder().url("jdbc:postgresql://db:5432/app").build());
 * List<String> names = db.dsl().select(ITEM.NAME).from(ITEM).fetch(ITEM.NAME);
 * db.transaction(tx -> tx.insertInto(ITEM).set(ITEM.NAME, "a").execute());
 * }</pre>
 *
 * <p>Thread-safe: create one per database at start-up, share it, and {@link #close()} it at shutdown.
 * Every {@link java.sql.SQLException} surfaces as a {@link DatabaseException} (or {@link
 * UniqueViolationException}, {@link InvalidDataException}, {@link DatabaseUnavailableException}).
 * Plain Java: in a Mainstay app, {@code dev.mainstay.persistence.web.MainstayPersistence#install}
 * creates it and wires metrics, readiness, problem answers and shutdown in one call.
 */
public final class Database implements AutoCloseable, MeterBinder {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final DatabaseConfig config;
    private final Vendor vendor;
    private final HikariDataSource dataSource;
    private final QueryMetrics metrics = new QueryMetrics();
    private final DSLContext dsl;
    private final Startup startup;
    private final DatabaseHealth health;

    /** Builds the jOOQ context on a second thread while this one starts up (migrates, in fail-fast mode). */
    private Database(DatabaseConfig config, Vendor vendor, HikariDataSource dataSource) {
        this.config = config;
        this.vendor = vendor;
        this.dataSource = dataSource;
        SqlErrors errors = new SqlErrors(config.connectionTimeout(), config.queryTimeout());
        FutureTask<DSLContext> context = Jooq.buildInBackground(vendor, dataSource, errors, metrics);
        this.startup = new Startup(config, vendor, dataSource);
        this.health = new DatabaseHealth(dataSource, startup, errors);
        startup.begin(new Migrations(config.migrationLocations(), Migrations.APPLICATION_HISTORY));
        this.dsl = Jooq.await(context);
    }

    /**
     * Opens the pool, builds the jOOQ context and, when {@code db.migrate} is on, applies the
     * migrations: before returning with {@code db.startup=fail-fast}, in the background with {@code wait}.
     *
     * @param config the settings; not null
     * @return a ready database (fail-fast) or one that becomes ready when the server appears (wait)
     * @throws DatabaseException when the URL is unsupported, its driver is missing, the database is
     *     unreachable or refuses the credentials (fail-fast), or a migration fails; the message names
     *     the key ({@code db.url}, {@code db.user}) or the script, and the fix
     */
    public static Database create(DatabaseConfig config) {
        Objects.requireNonNull(config, "config");
        Vendor vendor = Vendor.of(config.url()); // not null: DatabaseConfig refuses other URLs
        HikariDataSource dataSource = Pool.open(config, vendor);
        try {
            Database database = new Database(config, vendor, dataSource);
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

    /**
     * Returns the settings this database was created with (the password is in them; never log it raw).
     *
     * @return the settings
     */
    public DatabaseConfig config() {
        return config;
    }

    /**
     * Returns the shared jOOQ context. Each statement borrows a pooled connection, or, inside {@link
     * #transaction}, uses the transaction's. Thread-safe; the same instance on every call.
     *
     * @return the context
     */
    public DSLContext dsl() {
        return dsl;
    }

    /**
     * Returns the pool, for libraries that need plain JDBC; statements run through it are not timed.
     *
     * @return the HikariCP pool
     */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Returns the SQL dialect, derived from the JDBC URL.
     *
     * @return the dialect
     */
    public SQLDialect dialect() {
        return vendor.dialect();
    }

    /**
     * Runs {@code work} in a transaction: commits when it returns, rolls back when it throws.
     *
     * <p>The transaction belongs to the calling thread: {@code dsl()} joins it there, another thread
     * does not. Nesting is safe however the inner transaction starts ({@code db.transaction}, {@code
     * tx.transaction(..)} or {@code db.dsl().transaction(..)}, on the same thread): it is a savepoint.
     * If the inner work throws, only the inner work is rolled back and the exception reaches the outer
     * work, which may catch it and go on; only the outermost transaction commits.
     *
     * @param work the statements to run, given a context bound to the transaction; not null
     * @throws DatabaseException when a statement or the commit fails; any other exception of {@code
     *     work} is rethrown as it is, after the rollback
     */
    public void transaction(Consumer<DSLContext> work) {
        Objects.requireNonNull(work, "work");
        dsl.transaction(configuration -> work.accept(configuration.dsl()));
    }

    /**
     * Runs {@code work} in a transaction and returns its result; otherwise as {@link #transaction}.
     *
     * @param <T> the type of the result
     * @param work the statements to run; not null
     * @return what {@code work} returned, after the commit
     * @throws DatabaseException when a statement or the commit fails
     */
    public <T> T transactionResult(Function<DSLContext, T> work) {
        Objects.requireNonNull(work, "work");
        return dsl.transactionResult(configuration -> work.apply(configuration.dsl()));
    }

    /**
     * Probes readiness once: fails while start-up is waiting, otherwise runs {@code SELECT 1} on a
     * pooled connection, bounded by {@code db.pool.connection-timeout} and two seconds of query. Plain
     * JDBC, so probes do not show in the {@code db.query} timer. Usable as a Mainstay readiness check,
     * {@code setup.readiness("database", db::checkReady)}.
     *
     * @throws DatabaseUnavailableException when the database cannot serve now; the message says why
     * @throws DatabaseException on another failure of the probe
     */
    public void checkReady() {
        health.check();
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
