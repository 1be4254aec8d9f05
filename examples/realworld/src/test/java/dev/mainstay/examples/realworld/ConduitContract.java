package dev.mainstay.examples.realworld;

/** What every contract interface of the suite needs: a running app to send requests to. */
interface ConduitContract {

    /** A test body, given a client of the running app. */
    @FunctionalInterface
    interface Scenario {
        void accept(Conduit api) throws Exception;
    }

    /** Boots the app, runs {@code scenario} against it, and stops it. */
    void run(Scenario scenario);
}
