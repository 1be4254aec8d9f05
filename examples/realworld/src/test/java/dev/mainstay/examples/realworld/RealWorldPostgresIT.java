package dev.mainstay.examples.realworld;

import dev.mainstay.test.MainstayApp;
import dev.mainstay.test.database.DatabaseServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole HTTP suite on PostgreSQL, in a schema of its own that is dropped afterwards. */
class RealWorldPostgresIT extends RealWorldSuite {
    @RegisterExtension
    static final MainstayApp APP = ConduitContract.on(DatabaseServer.POSTGRESQL);

    @Override
    public MainstayApp app() {
        return APP;
    }
}
