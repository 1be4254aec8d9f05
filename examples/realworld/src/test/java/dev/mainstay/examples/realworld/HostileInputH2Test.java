package dev.mainstay.examples.realworld;

import java.util.Map;
import java.util.UUID;

/** The hostile-input suite on H2, the zero-configuration database; runs on every build. */
class HostileInputH2Test extends HostileSuite {

    /** A fresh database for every test, so that one attack's leftovers cannot hide another's. */
    @Override
    Map<String, String> databaseConfig() {
        return Map.of("db.url", "jdbc:h2:mem:hostile-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }
}
