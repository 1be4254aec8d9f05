package dev.mainstay.persistence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one place where {@link DatabaseConfig} values are checked; every message names the key and the
 * fix, in the words of the README's table.
 */
final class DatabaseConfigCheck {
    private static final String SERVER_EXAMPLE = "e.g. jdbc:postgresql://db.internal:5432/app";

    private DatabaseConfigCheck() {}

    /** Checks what only a builder knows: whether the URL was given, and whether this is production. */
    static List<DatabaseConfig.Issue> urlIssues(String url, boolean production) {
        if (url == null && production) {
            return List.of(new DatabaseConfig.Issue(
                    "db.url",
                    null,
                    "is required in prod: set the JDBC URL of PostgreSQL or MariaDB (MAINSTAY_DB_URL), "
                            + SERVER_EXAMPLE));
        }
        if (url == null && !Vendor.H2.driverPresent()) {
            return List.of(new DatabaseConfig.Issue("db.url", null, missingH2()));
        }
        if (url != null && production && Vendor.of(url) == Vendor.H2) {
            return List.of(new DatabaseConfig.Issue(
                    "db.url",
                    Urls.redact(url),
                    "H2 is for development and tests; in prod point it at PostgreSQL or MariaDB, " + SERVER_EXAMPLE));
        }
        return List.of();
    }

    static List<DatabaseConfig.Issue> issues(
            String url,
            int poolMaxSize,
            int poolMinIdle,
            Duration connectionTimeout,
            Duration maxLifetime,
            Duration queryTimeout) {
        List<DatabaseConfig.Issue> issues = new ArrayList<>();
        if (Vendor.of(url) == null) {
            issues.add(new DatabaseConfig.Issue("db.url", Urls.redact(url), "must start with " + Vendor.prefixes()));
        }
        if (poolMaxSize < 1 || poolMaxSize > DatabaseConfig.MAX_POOL_SIZE) {
            issues.add(new DatabaseConfig.Issue(
                    "db.pool.max-size",
                    String.valueOf(poolMaxSize),
                    "must be a whole number from 1 to " + DatabaseConfig.MAX_POOL_SIZE));
        }
        if (poolMinIdle < 0 || poolMinIdle > poolMaxSize) {
            issues.add(new DatabaseConfig.Issue(
                    "db.pool.min-idle",
                    String.valueOf(poolMinIdle),
                    "must be from 0 to db.pool.max-size (" + poolMaxSize + ")"));
        }
        range(issues, "db.pool.connection-timeout", connectionTimeout, DatabaseConfig.MIN_CONNECTION_TIMEOUT,
                DatabaseConfig.MAX_CONNECTION_TIMEOUT);
        range(issues, "db.pool.max-lifetime", maxLifetime, DatabaseConfig.MIN_MAX_LIFETIME,
                DatabaseConfig.MAX_MAX_LIFETIME);
        range(issues, "db.query-timeout", queryTimeout, DatabaseConfig.MIN_QUERY_TIMEOUT,
                DatabaseConfig.MAX_QUERY_TIMEOUT);
        return issues;
    }

    static void throwIfAny(List<DatabaseConfig.Issue> issues) {
        if (!issues.isEmpty()) {
            throw new IllegalArgumentException("Invalid database settings:\n  "
                    + issues.stream().map(DatabaseConfig.Issue::toString).collect(Collectors.joining("\n  ")));
        }
    }

    /** The message for no URL and no H2, with the snippet to paste, as Javalin does for its optional parts. */
    static String missingH2() {
        return "is not set, so Mainstay would use an in-memory H2 database, but H2 is not on the classpath."
                + " Set db.url (MAINSTAY_DB_URL) to your PostgreSQL or MariaDB, " + SERVER_EXAMPLE
                + "; or, for development and tests, add H2 to your pom.xml:\n" + Vendor.H2.driverSnippet();
    }

    private static void range(List<DatabaseConfig.Issue> issues, String key, Duration value, Duration min,
            Duration max) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            issues.add(new DatabaseConfig.Issue(
                    key, value.toString(), "must be a duration from " + min + " to " + max));
        }
    }
}
