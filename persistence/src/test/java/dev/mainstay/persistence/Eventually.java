package dev.mainstay.persistence;

import java.time.Duration;

/** Retries an assertion until it passes or time runs out, for things that happen in the background. */
final class Eventually {
    @FunctionalInterface
    interface Check {
        void run() throws Exception;
    }

    private Eventually() {}

    static void within(Duration limit, Check check) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try {
                check.run();
                return;
            } catch (Exception | AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }
}
