package dev.mainstay.test.database;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a JUnit 5 test method once per database: H2, PostgreSQL and MariaDB, each time in a fresh,
 * empty schema (PostgreSQL), database (MariaDB) or in-memory database (H2) that is dropped afterwards.
 *
 * <pre>{@code
 * @EveryDatabase
 * void rollsBackHalfway(TestDatabase target) throws SQLException {
 *     Connection connection = target.manage(DriverManager.getConnection(target.url()));
 *     ...
 * }
 * }</pre>
 *
 * <p>The method may declare a {@link TestDatabase}; an extension of the test's own can resolve other
 * types from {@link DatabaseExtension#current}. Servers are found by the rule of {@link DatabaseServer}:
 * {@code MAINSTAY_TEST_POSTGRES_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres})
 * and {@code MAINSTAY_TEST_MARIADB_URL} (default {@code jdbc:mariadb://127.0.0.1:3306/test?user=root}). A
 * server that cannot be reached skips its runs with the reason, unless the environment variable
 * {@code CI} is {@code true}: then they fail, so that a CI run cannot pass without its databases.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@TestTemplate
@ExtendWith(EveryDatabaseExtension.class)
public @interface EveryDatabase {}
