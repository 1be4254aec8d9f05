package dev.mainstay.examples.realworld;

import dev.mainstay.test.MainstayApp;
import dev.mainstay.test.database.DatabaseServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The hostile-input suite on H2, the zero-configuration database; fast, so it runs on every build. */
class HostileInputH2Test extends HostileSuite {
    @RegisterExtension
    static final MainstayApp APP = ConduitContract.on(DatabaseServer.H2);

    @Override
    MainstayApp app() {
        return APP;
    }
}
