package com.example.persistence;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mainstay.persistence.Database;
import dev.mainstay.persistence.DatabaseConfig;
import dev.mainstay.persistence.UniqueViolationException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** mainstay-persistence on its own: migrate an H2 database (db/migration/V1__create_item.sql) and query it. */
class PersistenceAloneTest {

    @Test
    void migratesAndQueriesH2() {
        DatabaseConfig config = DatabaseConfig.builder().url("jdbc:h2:mem:items;DB_CLOSE_DELAY=-1").build();
        try (Database db = Database.create(config)) { // opens the pool and runs the migrations
            db.transaction(tx -> tx.insertInto(table("item"))
                    .columns(field("id"), field("name"))
                    .values(1, "first")
                    .execute());

            List<String> names = db.dsl().select(field("name", String.class)).from(table("item"))
                    .fetch(field("name", String.class));

            assertEquals(List.of("first"), names);
            assertThrows(UniqueViolationException.class, () -> db.dsl().insertInto(table("item"))
                    .columns(field("id"), field("name"))
                    .values(1, "again")
                    .execute());
        }
    }

    /** The point of using one module: no HTTP server, no logging backend, no other Mainstay module. */
    @ParameterizedTest
    @ValueSource(strings = {
        "io.javalin.Javalin",
        "org.eclipse.jetty.server.Server",
        "ch.qos.logback.classic.Logger",
        "dev.mainstay.core.Mainstay",
        "dev.mainstay.security.password.PasswordHasher"
    })
    void bringsNothingItDoesNotUse(String className) {
        assertThrows(ClassNotFoundException.class, () -> Class.forName(className));
    }
}
