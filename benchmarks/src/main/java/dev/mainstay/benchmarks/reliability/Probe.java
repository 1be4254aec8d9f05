package dev.mainstay.benchmarks.reliability;

import java.io.IOException;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches one instance while the load runs: {@code GET /health/ready} every 100 ms, and the live
 * thread count from {@code GET /metrics} every second.
 */
final class Probe {
    private static final Pattern LIVE_THREADS = Pattern.compile("(?m)^jvm_threads_live_threads(?:\\{[^}]*\\})? ([0-9.E]+)$");

    private final Api api = new Api();
    private final RunClock clock;
    private final String base;
    private final Queue<Outcome> readiness = new ConcurrentLinkedQueue<>();
    private final Queue<long[]> threads = new ConcurrentLinkedQueue<>();

    Probe(RunClock clock, String base) {
        this.clock = clock;
        this.base = base;
    }

    /** Starts sampling on a daemon thread until {@code untilMs} on the run clock. */
    void start(long untilMs) {
        Thread sampler = new Thread(() -> sample(untilMs), "probe");
        sampler.setDaemon(true);
        sampler.start();
    }

    Queue<Outcome> readiness() {
        return readiness;
    }

    /** Samples as {@code {ms, live threads}}. */
    Queue<long[]> threads() {
        return threads;
    }

    private void sample(long untilMs) {
        long nextMetrics = 0;
        while (clock.ms() < untilMs) {
            long start = clock.ms();
            try {
                Api.Answer ready = api.get(base + "/health/ready", null);
                readiness.add(new Outcome("ready", start, clock.ms(), ready.status(), ready.problem()));
            } catch (IOException e) {
                readiness.add(new Outcome("ready", start, clock.ms(), Outcome.statusOf(e), false));
            } catch (InterruptedException e) {
                return;
            }
            if (clock.ms() >= nextMetrics) {
                nextMetrics = clock.ms() + 1000;
                liveThreads().ifPresent(count -> threads.add(new long[] {clock.ms(), count}));
            }
            try {
                Thread.sleep(Math.max(0, start + 100 - clock.ms()));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private OptionalLong liveThreads() {
        try {
            Matcher m = LIVE_THREADS.matcher(api.get(base + "/metrics", null).body());
            return m.find() ? OptionalLong.of((long) Double.parseDouble(m.group(1))) : OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }
}
