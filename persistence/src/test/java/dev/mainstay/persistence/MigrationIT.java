package dev.mainstay.persistence;

import static dev.mainstay.persistence.sample.jooq.Tables.SAMPLE_ITEM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.test.database.EveryDatabase;
import dev.mainstay.test.database.TestDatabase;
import java.util.Map;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestDatabases.class)
class MigrationIT {

    @EveryDatabase
    void appliesNeutralScriptsInVersionOrderThenTheVendorFolder(Database db, TestDatabase target) {
        assertEquals(0, db.dsl().fetchCount(SAMPLE_ITEM));
        assertTrue(SAMPLE_ITEM.NOTE.getName().equals("note"), "V2 added the note column");
        String marker = db.dsl()
                .select(DSL.field(DSL.name("vendor"), String.class))
                .from(DSL.table(DSL.name("vendor_marker")))
                .fetchSingle()
                .value1();
        assertEquals(target.id(), marker);
        assertEquals(3, history(db));
    }

    @EveryDatabase
    void aSecondStartAppliesNothingAgain(TestDatabase target) {
        TestDatabases.start(target).close();
        Database again = TestDatabases.start(target);
        assertEquals(3, history(again));
    }

    @EveryDatabase
    void brokenMigrationStopsStartUpNamingTheScript(TestDatabase target) {
        DatabaseException failure = assertThrows(
                DatabaseException.class, () -> TestDatabases.start(target, Map.of("db.migrations.locations", "classpath:db/broken")));
        assertTrue(failure.getMessage().contains("V2__broken_statement.sql"), failure.getMessage());
    }

    @EveryDatabase
    void migrateOffLeavesTheSchemaAlone(TestDatabase target) {
        Database db = TestDatabases.start(target, Map.of("db.migrate", "false"));
        assertFalse(
                db.dsl().meta().getTables().stream().anyMatch(t -> t.getName().equalsIgnoreCase("sample_item")));
    }

    private static int history(Database db) {
        // Flyway quotes its names; on H2 it also records a schema-creation row of type SCHEMA.
        return db.dsl()
                .fetchCount(
                        DSL.table(DSL.quotedName(Migrations.APPLICATION_HISTORY)),
                        DSL.field(DSL.quotedName("type")).eq("SQL"));
    }
}
