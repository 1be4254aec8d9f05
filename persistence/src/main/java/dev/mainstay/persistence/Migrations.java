package dev.mainstay.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.exception.FlywayValidateException;

/**
 * One set of Flyway migrations, tracked in its own history table, and the code that applies it.
 *
 * <p>The application's scripts use Flyway's default table; a Mainstay module's scripts (such as the
 * refresh-token store's) use a table of their own, so that their version numbers never collide with
 * the application's. Flyway connects with the configured URL and credentials, not through the pool,
 * so that a long migration is neither cut by {@code db.query-timeout} nor counted against the pool.
 *
 * <p>Several instances may start at once against one database. On PostgreSQL and MariaDB Flyway holds
 * a database lock while it migrates, so the instances that wait find nothing left to do. On H2 its lock
 * is {@code SELECT … FOR UPDATE} on the history's rows, which holds nothing while the history is new
 * and empty: two starts could both insert the first row. An embedded H2 database lives in one JVM, so
 * there a lock in this JVM serialises the migrations instead.
 *
 * @param locations Flyway locations, possibly containing {@value DatabaseConfig#VENDOR_PLACEHOLDER}
 * @param historyTable the table that records which scripts of this set have run
 */
record Migrations(List<String> locations, String historyTable) {
    /** Flyway's own default history table, used for the application's migrations. */
    static final String APPLICATION_HISTORY = "flyway_schema_history";

    /** Serialises migrations on H2, whose Flyway lock cannot cover an empty history (see above). */
    private static final Lock H2_MIGRATIONS = new ReentrantLock();

    /**
     * Applies every pending script, in version order.
     *
     * @throws DatabaseException naming the failing script and the fix
     */
    void apply(DatabaseConfig config, Vendor vendor) {
        if (vendor != Vendor.H2) {
            migrate(config, vendor);
            return;
        }
        H2_MIGRATIONS.lock();
        try {
            migrate(config, vendor);
        } finally {
            H2_MIGRATIONS.unlock();
        }
    }

    private void migrate(DatabaseConfig config, Vendor vendor) {
        FailedScript failed = new FailedScript();
        Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(config.url(), config.user(), config.password())
                .locations(resolve(vendor).toArray(String[]::new))
                .table(historyTable)
                // A module's table joins a schema that already holds the application's: start its
                // own history below its first script instead of refusing a non-empty schema.
                .baselineOnMigrate(isModule())
                .baselineVersion("0")
                .callbacks(failed)
                .load();
        try {
            flyway.migrate();
        } catch (FlywayValidateException e) {
            throw new DatabaseException(
                    "Migrations in " + locations + " do not match the history in " + historyTable + ": "
                            + e.getMessage()
                            + "\nNever edit a migration that has run; add a new one instead. If one failed half-way on"
                            + " MariaDB/MySQL (no transactional DDL), undo its changes and delete its failed row from "
                            + historyTable + ".",
                    e);
        } catch (FlywayException e) {
            if (failed.script == null) {
                throw new DatabaseException(
                        "Migrations in " + locations + " could not run, so start-up stopped: " + e.getMessage(), e);
            }
            throw new DatabaseException(
                    "Migration " + failed.script + " failed, so start-up stopped: " + e.getMessage()
                            + "\nFix the script and restart. PostgreSQL and H2 rolled it back; MariaDB/MySQL cannot roll"
                            + " back DDL, so there undo what it did and delete its failed row from " + historyTable
                            + ".",
                    e);
        }
    }

    private boolean isModule() {
        return !historyTable.equals(APPLICATION_HISTORY);
    }

    /**
     * Replaces the vendor placeholder and drops vendor folders that do not exist: a service with no
     * vendor-specific scripts needs no empty folders, and Flyway would warn about each one. Flyway
     * finds folders the same way (the class loader), so a folder skipped here is one it could not read.
     */
    List<String> resolve(Vendor vendor) {
        List<String> resolved = new ArrayList<>();
        for (String location : locations) {
            String path = location.replace(DatabaseConfig.VENDOR_PLACEHOLDER, vendor.folder());
            if (location.equals(path) || exists(path)) {
                resolved.add(path);
            }
        }
        return resolved;
    }

    private static boolean exists(String location) {
        if (!location.startsWith("classpath:")) {
            return true;
        }
        String folder = location.substring("classpath:".length()).replaceFirst("^/", "");
        return Migrations.class.getClassLoader().getResource(folder) != null;
    }

    /** Remembers the script that failed, so that the message names it. */
    private static final class FailedScript implements Callback {
        private String script;

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.AFTER_EACH_MIGRATE_ERROR;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            MigrationInfo info = context.getMigrationInfo();
            if (info != null) {
                script = info.getScript();
            }
        }

        @Override
        public String getCallbackName() {
            return "mainstay-failed-script";
        }
    }
}
