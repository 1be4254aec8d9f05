package dev.mainstay.persistence.plain;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mainstay.persistence.Database;
import dev.mainstay.persistence.DatabaseConfig;
import dev.mainstay.persistence.UniqueViolationException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's "Use it alone" example, run in a surefire execution without mainstay-core, Javalin or
 * Jetty on the classpath (see the pom): if a plain-Java class touched them, this would fail with
 * NoClassDefFoundError.
 */
class StandaloneTest {

    @Test
    void coreAndJavalinAreReallyAbsentInThisRun() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("dev.mainstay.core.Mainstay"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("io.javalin.Javalin"));
    }

    @Test
    void createsMigratesAndQueriesH2WithTheReadmeExample() {
        DatabaseConfig config = DatabaseConfig.builder()
                .url("jdbc:h2:mem:standalone;DB_CLOSE_DELAY=-1")
                .migrationLocations(List.of("classpath:db/standalone")) // V1__create_item.sql
                .build();
        try (Database db = Database.create(config)) {
            db.transaction(tx -> tx.insertInto(table("item"))
                    .columns(field("id"), field("name"))
                    .values(1, "first")
                    .execute());
            List<String> names = db.dsl()
                    .select(field("name", String.class))
                    .from(table("item"))
                    .fetch(field("name", String.class));
            assertEquals(List.of("first"), names);
            // The plain exception family works without core, too.
            assertThrows(UniqueViolationException.class, () -> db.dsl()
                    .insertInto(table("item"))
                    .columns(field("id"), field("name"))
                    .values(1, "again")
                    .execute());
            db.checkReady();
        }
    }
}
