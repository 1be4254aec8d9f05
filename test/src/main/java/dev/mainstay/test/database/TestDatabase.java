package dev.mainstay.test.database;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One isolated, empty database made by {@link DatabaseServer#isolate()}: its JDBC URL and credentials,
 * the config overrides that point an app at it, and {@link #close()} to drop it.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final DatabaseExtension db = DatabaseExtension.postgresql();   // a schema for the class
 *
 * @Test
 * void savesAnOrder() throws SQLException {
 *     Connection connection = db.target().manage(DriverManager.getConnection(db.target().url()));
 * }
 * }</pre>
 *
 * <p>What a test opens on it and hands to {@link #manage} is closed before the drop, latest first.
 * Not thread-safe: set it up from one thread (using the database from many is fine).
 */
public final class TestDatabase implements AutoCloseable {
    private static final Pattern USER = Pattern.compile("[?&;]user=([^&;]*)");
    private static final Pattern PASSWORD = Pattern.compile("[?&;]password=([^&;]*)");

    private final DatabaseServer server;
    private final String url;
    private final Runnable drop;
    private final Deque<AutoCloseable> managed = new ArrayDeque<>();
    private boolean dropped;

    TestDatabase(DatabaseServer server, String url, Runnable drop) {
        this.server = server;
        this.url = url;
        this.drop = drop;
    }

    /**
     * Returns the server this database lives on.
     *
     * @return the server
     */
    public DatabaseServer server() {
        return server;
    }

    /**
     * Returns which server this is; same as {@code server().id()}.
     *
     * @return {@code h2}, {@code postgresql} or {@code mariadb}
     */
    public String id() {
        return server.id();
    }

    /**
     * Returns the JDBC URL of the isolated database, with the credentials as the server's URL gives them
     * (e.g. {@code ...?user=postgres&currentSchema=mst_1a2b3c}); enough for {@code DriverManager} alone.
     *
     * @return the JDBC URL
     */
    public String url() {
        return url;
    }

    /**
     * Returns {@link #url()} without its {@code user} and {@code password} parameters, for a test that
     * gives {@code db.user} and {@code db.password} separately (e.g. a role that does not exist).
     *
     * @return the JDBC URL without credentials; other parameters are kept in order
     */
    public String urlWithoutCredentials() {
        int query = url.indexOf('?');
        if (query < 0) {
            return url;
        }
        String kept = Arrays.stream(url.substring(query + 1).split("&"))
                .filter(parameter -> !parameter.startsWith("user=") && !parameter.startsWith("password="))
                .collect(Collectors.joining("&"));
        return url.substring(0, query) + (kept.isEmpty() ? "" : "?" + kept);
    }

    /**
     * Returns the {@code user} parameter of {@link #url()}.
     *
     * @return the user name, or {@code ""} when the URL has none (H2's default)
     */
    public String user() {
        return parameter(USER);
    }

    /**
     * Returns the {@code password} parameter of {@link #url()}.
     *
     * @return the password, or {@code ""} when the URL has none
     */
    public String password() {
        return parameter(PASSWORD);
    }

    /**
     * Returns the config overrides that point a Mainstay app at this database: {@code db.url} (which
     * carries the credentials). Pass them to {@code MainstayApp.with(...)} or {@code MainstayTest.run(...)}.
     *
     * @return an unmodifiable map with the one key {@code db.url}
     */
    public Map<String, String> config() {
        return Map.of("db.url", url);
    }

    /**
     * Closes {@code resource} (a pool, a {@code Database}) just before the database is dropped, so that
     * nothing holds connections into a dropped schema; returns it for chaining.
     *
     * @param <T> the resource's type
     * @param resource what to close before the drop
     * @return {@code resource}, for chaining
     * @throws IllegalStateException when the database was already dropped
     */
    public <T extends AutoCloseable> T manage(T resource) {
        if (dropped) {
            throw new IllegalStateException("The test database " + this + " was already dropped");
        }
        managed.push(resource);
        return resource;
    }

    /**
     * Closes what {@link #manage} was given, latest first, then drops the schema or database;
     * the second call does nothing.
     *
     * @throws IllegalStateException when the drop fails (a managed resource failing to close does not stop it)
     */
    @Override
    public void close() {
        if (dropped) {
            return;
        }
        dropped = true;
        IllegalStateException failure = null;
        while (!managed.isEmpty()) {
            try {
                managed.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("Closing what the test opened on " + this + " failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        drop.run();
        if (failure != null) {
            throw failure;
        }
    }

    /** Returns the server and URL (password masked), for test reports. */
    @Override
    public String toString() {
        return server.id() + " " + DatabaseServer.masked(url);
    }

    private String parameter(Pattern pattern) {
        Matcher matcher = pattern.matcher(url);
        return matcher.find() ? matcher.group(1) : "";
    }
}
