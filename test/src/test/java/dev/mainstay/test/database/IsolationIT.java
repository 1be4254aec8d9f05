package dev.mainstay.test.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Isolation on the real servers: a schema (PostgreSQL) or database (MariaDB) is created, used and dropped. */
class IsolationIT {
    /** Names seen by the three runs of the template, to prove each got its own. */
    private static final Set<String> SEEN = new HashSet<>();

    @RegisterExtension
    static final DatabaseExtension perClass = DatabaseExtension.postgresql();

    @Test
    void postgresqlGetsASchemaOfItsOwnThatIsDroppedOnClose() throws SQLException {
        TestDatabase db = DatabaseServer.POSTGRESQL.isolate();
        String schema;
        try (Connection connection = DriverManager.getConnection(db.url())) {
            schema = connection.getSchema();
            assertTrue(schema.startsWith("mst_"), schema);
            execute(connection, "CREATE TABLE t (id INT)");
            execute(connection, "INSERT INTO t VALUES (1)");
        }
        assertTrue(exists("SELECT 1 FROM information_schema.schemata WHERE schema_name = '" + schema + "'"));
        assertEquals("postgres", db.user());
        assertEquals(db.url(), db.config().get("db.url"));
        db.close();
        assertFalse(exists("SELECT 1 FROM information_schema.schemata WHERE schema_name = '" + schema + "'"));
    }

    @Test
    void mariadbGetsADatabaseOfItsOwnThatIsDroppedOnClose() throws SQLException {
        TestDatabase db = DatabaseServer.MARIADB.isolate();
        String name;
        try (Connection connection = DriverManager.getConnection(db.url())) {
            name = connection.getCatalog();
            assertTrue(name.startsWith("mst_"), name);
            execute(connection, "CREATE TABLE t (id INT)");
        }
        String query = "SELECT 1 FROM information_schema.schemata WHERE schema_name = '" + name + "'";
        assertTrue(exists(DatabaseServer.MARIADB, query));
        db.close();
        assertFalse(exists(DatabaseServer.MARIADB, query));
    }

    @Test
    void closesWhatTheTestManagesBeforeTheDrop() throws SQLException {
        TestDatabase db = DatabaseServer.POSTGRESQL.isolate();
        Connection connection = db.manage(DriverManager.getConnection(db.url()));
        db.close();
        assertTrue(connection.isClosed());
    }

    @Test
    void aStaticExtensionGivesTheClassOneSchema(TestDatabase target) {
        assertEquals(perClass.target(), target);
        assertEquals(DatabaseServer.POSTGRESQL, target.server());
    }

    @EveryDatabase
    void everyDatabaseRunsOncePerServerEachInAFreshPlace(TestDatabase target) throws SQLException {
        assertNotEquals(perClass.target(), target);
        try (Connection connection = DriverManager.getConnection(target.url())) {
            execute(connection, "CREATE TABLE only_mine (id INT)"); // fails if another run left it behind
        }
        assertTrue(SEEN.add(target.url()));
    }

    private static boolean exists(String query) throws SQLException {
        return exists(DatabaseServer.POSTGRESQL, query);
    }

    private static boolean exists(DatabaseServer server, String query) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.serverUrl());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            return rows.next();
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
