package dev.mainstay.benchmarks.reliability;

/** Milliseconds since a run started, from the monotonic clock; every part of one run shares one. */
final class RunClock {
    private final long startNanos = System.nanoTime();

    long ms() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
