package dev.mainstay.examples.realworld;

import dev.mainstay.test.MainstayApp;
import dev.mainstay.test.database.DatabaseServer;

/** What every contract interface of the suite needs: the running app of the test class. */
interface ConduitContract {

    /** A test body, given a client of the running app. */
    @FunctionalInterface
    interface Scenario {
        void accept(Conduit api) throws Exception;
    }

    /** Returns the app the test class started (one per class, stopped after it). */
    MainstayApp app();

    /** Runs {@code scenario} against the class's app. */
    default void run(Scenario scenario) {
        try {
            scenario.accept(new Conduit(app().client()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Returns the app for a test class on {@code server}: bcrypt at its lowest allowed cost (the tests
     * register many users), a signing key the test knows, and the front end {@link CorsContract} uses.
     */
    static MainstayApp on(DatabaseServer server) {
        return MainstayApp.of(RealWorldApp::setup)
                .with("security.password.cost", "10")
                // Every account of the suite registers from 127.0.0.1; production keeps 20 per window.
                .with("security.throttle.register-limit", "10000")
                .with("security.cors.allowed-origins", CorsContract.FRONT_END)
                .withRandomKey("security.jwt.secret")
                .database(server);
    }
}
