package dev.mainstay.examples.realworld;

import dev.mainstay.test.MainstayApp;
import dev.mainstay.test.database.DatabaseServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole HTTP suite on H2, the zero-configuration database; fast, so it runs on every build. */
class RealWorldH2Test extends RealWorldSuite {
    @RegisterExtension
    static final MainstayApp APP = ConduitContract.on(DatabaseServer.H2);

    @Override
    public MainstayApp app() {
        return APP;
    }
}
