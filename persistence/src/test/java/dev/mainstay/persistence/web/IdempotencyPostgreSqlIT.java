package dev.mainstay.persistence.web;

import dev.mainstay.test.MainstayApp;
import dev.mainstay.test.database.DatabaseServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Idempotent POSTs on PostgreSql. */
class IdempotencyPostgreSqlIT extends IdempotencyContract {
    private static final NotesApp NOTES = new NotesApp();

    @RegisterExtension
    static final MainstayApp APP = MainstayApp.of(NOTES::configure).database(DatabaseServer.POSTGRESQL);

    @Override
    MainstayApp app() {
        return APP;
    }

    @Override
    NotesApp notes() {
        return NOTES;
    }
}
