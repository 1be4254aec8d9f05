package dev.mainstay.persistence;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a {@link Database} to ready: runs its migrations now ({@code db.startup=fail-fast}), or
 * waits in the background until the database answers and then runs them ({@code db.startup=wait}).
 *
 * <p>Until then {@link #notReadyReason()} says why the database cannot serve, which the health check
 * reports. A broken migration in wait mode is final: the reason stays, and the error is logged once.
 */
final class Startup implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final long RETRY_PAUSE_MILLIS = 1_000;

    private final DatabaseConfig config;
    private final Vendor vendor;
    private final DataSource dataSource;
    private final List<Migrations> pending = new ArrayList<>(); // guarded by this
    private boolean migrated; // guarded by this
    private volatile String notReadyReason;
    private Thread waiter;

    Startup(DatabaseConfig config, Vendor vendor, DataSource dataSource) {
        this.config = config;
        this.vendor = vendor;
        this.dataSource = dataSource;
    }

    /** Starts up; in fail-fast mode a failure is thrown here, in wait mode it is reported later. */
    void begin(Migrations application) {
        if (config.migrate()) {
            pending.add(application);
        }
        if (config.startup() == DatabaseConfig.Startup.FAIL_FAST) {
            applyPending();
            return;
        }
        notReadyReason = "waiting for the database at db.url '" + Urls.redact(config.url()) + "' (db.startup=wait)";
        waiter = new Thread(this::awaitDatabase, "mainstay-db-startup");
        waiter.setDaemon(true);
        waiter.start();
    }

    /** Applies a module's migrations now if the database is ready, or once it is. */
    void add(Migrations module) {
        if (!config.migrate()) {
            return;
        }
        synchronized (this) {
            pending.add(module);
            if (migrated) {
                applyPending();
            }
        }
    }

    /** Returns why the database cannot serve yet, or {@code null} once it can. */
    String notReadyReason() {
        return notReadyReason;
    }

    private synchronized void applyPending() {
        while (!pending.isEmpty()) {
            pending.get(0).apply(config, vendor);
            pending.remove(0);
        }
        migrated = true;
    }

    private void awaitDatabase() {
        boolean warned = false;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                dataSource.getConnection().close();
                applyPending();
                notReadyReason = null;
                LOG.info("Database at {} is reachable and migrated; ready", Urls.redact(config.url()));
                return;
            } catch (SQLException e) {
                notReadyReason =
                        "waiting for the database at db.url '" + Urls.redact(config.url()) + "': " + e.getMessage();
                if (!warned) {
                    LOG.warn("Database not reachable yet (db.startup=wait), retrying: {}", notReadyReason);
                    warned = true;
                }
            } catch (RuntimeException e) {
                notReadyReason = e.getMessage();
                LOG.error("Database start-up failed; the service stays not-ready", e);
                return;
            }
            try {
                Thread.sleep(RETRY_PAUSE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops waiting, if still waiting. */
    @Override
    public void close() {
        if (waiter != null) {
            waiter.interrupt();
        }
    }
}
