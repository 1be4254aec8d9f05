package dev.mainstay.persistence.testing;

import dev.mainstay.core.config.Config;
import dev.mainstay.persistence.Database;
import dev.mainstay.persistence.DatabaseConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One isolated, empty database for one test run of {@link EveryDatabase}: its JDBC URL, and a way to
 * start {@link Database}s on it with config overrides. Everything started is closed, and the schema
 * dropped, after the test. Not thread-safe: use it from the test's thread.
 */
public final class TestDatabase {
    private final String id;
    private final String url;
    private final Runnable drop;
    private final List<Database> started = new ArrayList<>();

    TestDatabase(String id, String url, Runnable drop) {
        this.id = id;
        this.url = url;
        this.drop = drop;
    }

    /** Returns which server this is: {@code h2}, {@code postgresql} or {@code mariadb}. */
    public String id() {
        return id;
    }

    /** Returns the JDBC URL of the isolated schema, with credentials as the test server needs them. */
    public String url() {
        return url;
    }

    /**
     * Returns the config a {@link Database} on this schema gets: profile {@code test}, {@code db.url}
     * set, and {@code overrides} on top (any {@code db.*} key; see the README's table).
     *
     * @param overrides keys and values, e.g. {@code Map.of("db.pool.max-size", "1")}; not null
     * @throws dev.mainstay.core.config.ConfigException when an override is invalid
     */
    public DatabaseConfig config(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        values.put("profile", "test");
        values.put("db.url", url);
        values.putAll(overrides);
        return Config.of(values).bind(DatabaseConfig::from);
    }

    /** Starts a database with the default config (migrations from {@code classpath:db/migration}). */
    public Database start() {
        return start(Map.of());
    }

    /**
     * Starts a database on this schema with {@code overrides}; it is closed after the test.
     *
     * @throws dev.mainstay.persistence.DatabaseException as {@link Database#create} does
     */
    public Database start(Map<String, String> overrides) {
        Database database = Database.create(config(overrides));
        started.add(database);
        return database;
    }

    /** Closes what was started, then drops the schema. */
    void drop() {
        started.forEach(Database::close);
        started.clear();
        drop.run();
    }

    /** Returns the server and URL, for test reports. */
    @Override
    public String toString() {
        return id + " " + url;
    }
}
