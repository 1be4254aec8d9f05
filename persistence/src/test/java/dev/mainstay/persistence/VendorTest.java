package dev.mainstay.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;

class VendorTest {

    @Test
    void derivesTheDialectFromTheUrlPrefix() {
        assertEquals(
                SQLDialect.POSTGRES, Vendor.of("jdbc:postgresql://db:5432/app").dialect());
        assertEquals(SQLDialect.MARIADB, Vendor.of("jdbc:mariadb://db:3306/app").dialect());
        assertEquals(SQLDialect.MYSQL, Vendor.of("jdbc:mysql://db:3306/app").dialect());
        assertEquals(SQLDialect.H2, Vendor.of("jdbc:h2:mem:app").dialect());
        assertEquals(SQLDialect.H2, Vendor.of("  JDBC:H2:file:./data/app").dialect());
    }

    @Test
    void knowsNoOtherDatabase() {
        assertNull(Vendor.of("jdbc:oracle:thin:@db:1521:app"));
        assertNull(Vendor.of("postgresql://db/app"));
    }

    @Test
    void namesItsMigrationFolderLikeTheUrl() {
        assertEquals("postgresql", Vendor.POSTGRESQL.folder());
        assertEquals("mariadb", Vendor.MARIADB.folder());
        assertEquals("h2", Vendor.H2.folder());
    }

    @Test
    void boundsStatementsOnTheServerInEachVendorsUnit() {
        Duration timeout = Duration.ofMillis(2500);
        assertEquals("SET statement_timeout = 2500", Vendor.POSTGRESQL.statementTimeoutSql(timeout));
        assertEquals("SET SESSION max_statement_time = 2.500", Vendor.MARIADB.statementTimeoutSql(timeout));
        assertEquals("SET QUERY_TIMEOUT 2500", Vendor.H2.statementTimeoutSql(timeout));
    }

    @Test
    void missingDriverFailsWithThePomSnippetToAdd() {
        DatabaseConfig config =
                DatabaseConfig.builder().url("jdbc:mysql://127.0.0.1:3306/app").build();
        DatabaseException e = assertThrows(DatabaseException.class, () -> Database.create(config));
        assertTrue(e.getMessage().contains("<artifactId>mysql-connector-j</artifactId>"), e.getMessage());
        assertTrue(e.getMessage().startsWith("db.url 'jdbc:mysql://127.0.0.1:3306/app' needs the"), e.getMessage());
    }
}
