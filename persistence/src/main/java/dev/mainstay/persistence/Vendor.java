package dev.mainstay.persistence;

import java.time.Duration;
import java.util.Locale;
import org.jooq.SQLDialect;

/**
 * The database products Mainstay supports, recognised by the JDBC URL's prefix.
 *
 * <p>Each knows its jOOQ dialect, its driver (to name the dependency when it is missing), the name of
 * its vendor migration folder, and how to set a server-side statement timeout for a session. The
 * timeout is set once per connection (HikariCP's init SQL) rather than per statement with JDBC's
 * {@code setQueryTimeout}, which would schedule a client-side timer on every query.
 */
enum Vendor {
    H2("jdbc:h2:", SQLDialect.H2, "org.h2.Driver", "com.h2database", "h2"),
    POSTGRESQL("jdbc:postgresql:", SQLDialect.POSTGRES, "org.postgresql.Driver", "org.postgresql", "postgresql"),
    MARIADB("jdbc:mariadb:", SQLDialect.MARIADB, "org.mariadb.jdbc.Driver", "org.mariadb.jdbc", "mariadb-java-client"),
    MYSQL("jdbc:mysql:", SQLDialect.MYSQL, "com.mysql.cj.jdbc.Driver", "com.mysql", "mysql-connector-j");

    private final String prefix;
    private final SQLDialect dialect;
    private final String driverClass;
    private final String groupId;
    private final String artifactId;

    Vendor(String prefix, SQLDialect dialect, String driverClass, String groupId, String artifactId) {
        this.prefix = prefix;
        this.dialect = dialect;
        this.driverClass = driverClass;
        this.groupId = groupId;
        this.artifactId = artifactId;
    }

    /** Returns the vendor of {@code jdbcUrl}, or {@code null} when Mainstay does not support it. */
    static Vendor of(String jdbcUrl) {
        String url = jdbcUrl.trim().toLowerCase(Locale.ROOT);
        for (Vendor vendor : values()) {
            if (url.startsWith(vendor.prefix)) {
                return vendor;
            }
        }
        return null;
    }

    /** Returns the supported URL prefixes, for messages. */
    static String prefixes() {
        return "jdbc:postgresql:, jdbc:mariadb:, jdbc:mysql: or jdbc:h2:";
    }

    SQLDialect dialect() {
        return dialect;
    }

    /** Returns the folder name of vendor-specific migrations, e.g. {@code postgresql}. */
    String folder() {
        return prefix.substring("jdbc:".length(), prefix.length() - 1);
    }

    /** Tells whether the JDBC driver is on the classpath. */
    boolean driverPresent() {
        try {
            Class.forName(driverClass, false, Vendor.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Returns the Maven snippet that adds the driver, for the message that says it is missing. */
    String driverSnippet() {
        return "<dependency>\n  <groupId>" + groupId + "</groupId>\n  <artifactId>" + artifactId
                + "</artifactId>\n  <scope>runtime</scope>\n</dependency>";
    }

    /** Returns the SQL that bounds every statement of a session to {@code timeout}. */
    String statementTimeoutSql(Duration timeout) {
        long millis = timeout.toMillis();
        return switch (this) {
            case H2 -> "SET QUERY_TIMEOUT " + millis;
            case POSTGRESQL -> "SET statement_timeout = " + millis;
            // MariaDB counts seconds, with decimals; MySQL's variable only bounds SELECTs.
            case MARIADB -> String.format(Locale.ROOT, "SET SESSION max_statement_time = %.3f", millis / 1000.0);
            case MYSQL -> "SET SESSION max_execution_time = " + millis;
        };
    }
}
