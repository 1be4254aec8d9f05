package dev.mainstay.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import com.zaxxer.hikari.pool.HikariPool.PoolInitializationException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;

/**
 * Opens the HikariCP pool for a {@link DatabaseConfig}, and explains in config terms why it could not.
 */
final class Pool {
    static final String NAME = "mainstay-db";

    private Pool() {}

    /**
     * Opens the pool. With {@code FAIL_FAST} it connects once now; with {@code WAIT} it starts empty.
     *
     * @throws DatabaseException naming {@code db.url} or {@code db.user} and the fix
     */
    static HikariDataSource open(DatabaseConfig config, Vendor vendor) {
        if (!vendor.driverPresent() && config.url().equals(DatabaseConfig.DEV_URL)) {
            throw new DatabaseException("db.url " + DatabaseConfigCheck.missingH2());
        }
        if (!vendor.driverPresent()) {
            throw new DatabaseException("db.url '" + Urls.redact(config.url()) + "' needs the "
                    + vendor.dialect().getName()
                    + " JDBC driver, which is not on the classpath. Add it to your pom.xml:\n"
                    + vendor.driverSnippet());
        }
        try {
            return new HikariDataSource(hikariConfig(config, vendor));
        } catch (PoolInitializationException e) {
            throw explain(config, e);
        }
    }

    private static HikariConfig hikariConfig(DatabaseConfig config, Vendor vendor) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName(NAME);
        hikari.setJdbcUrl(config.url());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.poolMaxSize());
        hikari.setMinimumIdle(config.poolMinIdle());
        hikari.setConnectionTimeout(config.connectionTimeout().toMillis());
        // Checking a connection must not take longer than waiting for one.
        hikari.setValidationTimeout(Math.min(config.connectionTimeout().toMillis(), 5_000));
        hikari.setMaxLifetime(config.maxLifetime().toMillis());
        hikari.setConnectionInitSql(vendor.statementTimeoutSql(config.queryTimeout()));
        // 1 = try once and fail now; -1 = start empty and let the pool keep trying.
        hikari.setInitializationFailTimeout(config.startup() == DatabaseConfig.Startup.FAIL_FAST ? 1 : -1);
        hikari.setExceptionOverride(new EvictBrokenConnections());
        return hikari;
    }

    /**
     * HikariCP evicts a connection whose error has SQLState class 08; H2 reports a broken connection
     * with its own codes (90067, 90121) instead, and would keep handing out a dead connection. The
     * JDBC exception class says it on every driver.
     */
    private static final class EvictBrokenConnections implements SQLExceptionOverride {
        @java.lang.Override
        public SQLExceptionOverride.Override adjudicate(SQLException e) {
            return e instanceof SQLNonTransientConnectionException || e instanceof SQLRecoverableException
                    ? SQLExceptionOverride.Override.MUST_EVICT
                    : SQLExceptionOverride.Override.CONTINUE_EVICT;
        }
    }

    /** Returns a message that names the setting to fix for a failure to connect at start-up. */
    static DatabaseException explain(DatabaseConfig config, Throwable failure) {
        SQLException sql = firstSqlException(failure);
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        int code = sql == null ? 0 : sql.getErrorCode();
        String url = "db.url '" + Urls.redact(config.url()) + "'";
        String user = "db.user '" + (config.user() == null ? "(from db.url)" : config.user()) + "'";
        String cause = sql == null ? String.valueOf(failure.getMessage()) : sql.getMessage();
        String advice;
        if (state.startsWith("28") || code == 1045) {
            advice = "The database at " + url + " refused " + user + ". Check db.user and db.password"
                    + " (MAINSTAY_DB_USER, MAINSTAY_DB_PASSWORD)";
        } else if (state.equals("3D000") || code == 1049 || code == 90146) {
            advice = "The database named in " + url + " does not exist. Create it, or fix db.url (MAINSTAY_DB_URL)";
        } else {
            advice = "Cannot connect to the database at " + url + " as " + user + ". Start the database or fix db.url"
                    + " (MAINSTAY_DB_URL); or set db.startup=wait to start anyway and report not-ready until it appears";
        }
        return new DatabaseException(advice + ". Cause: " + cause, failure);
    }

    private static SQLException firstSqlException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
