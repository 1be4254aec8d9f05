package dev.mainstay.examples.realworld;

import dev.mainstay.test.MainstayApp;
import dev.mainstay.test.database.DatabaseServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole HTTP suite on MariaDB, in a database of its own that is dropped afterwards. */
class RealWorldMariaDbIT extends RealWorldSuite {
    @RegisterExtension
    static final MainstayApp APP = ConduitContract.on(DatabaseServer.MARIADB);

    @Override
    public MainstayApp app() {
        return APP;
    }
}
