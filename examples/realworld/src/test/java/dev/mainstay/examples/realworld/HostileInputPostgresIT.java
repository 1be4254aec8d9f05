package dev.mainstay.examples.realworld;

import dev.mainstay.test.MainstayApp;
import dev.mainstay.test.database.DatabaseServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The hostile-input suite on PostgreSQL, in a schema of its own that is dropped afterwards. */
class HostileInputPostgresIT extends HostileSuite {
    @RegisterExtension
    static final MainstayApp APP = ConduitContract.on(DatabaseServer.POSTGRESQL);

    @Override
    MainstayApp app() {
        return APP;
    }
}
