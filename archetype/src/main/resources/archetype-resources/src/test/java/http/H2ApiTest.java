package ${package}.http;

import dev.mainstay.test.MainstayApp;
import dev.mainstay.test.database.DatabaseServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The HTTP contract of every endpoint, on an embedded H2 database of its own. */
class H2ApiTest extends ApiSuite {
    @RegisterExtension
    static final MainstayApp APP = service(DatabaseServer.H2);

    @Override
    MainstayApp app() {
        return APP;
    }
}
