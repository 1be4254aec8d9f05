package dev.mainstay.benchmarks.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Something the driver does to the system at a set time during the load, and when it happened.
 * Parsed from {@code SECONDS:post:URL} (e.g. cut the database proxy), {@code SECONDS:term:PID}
 * (SIGTERM) or {@code SECONDS:kill:PID} (SIGKILL).
 */
final class Action {
    final long atMs;
    final String verb;
    final String target;
    volatile long doneMs = -1;
    /** For {@code term} and {@code kill}: when the process was seen gone, or -1. */
    volatile long exitMs = -1;

    private Action(long atMs, String verb, String target) {
        this.atMs = atMs;
        this.verb = verb;
        this.target = target;
    }

    static Action parse(String spec) {
        String[] parts = spec.split(":", 3);
        if (parts.length != 3 || !parts[1].matches("post|term|kill")) {
            throw new IllegalArgumentException("action must be SECONDS:post:URL, SECONDS:term:PID or SECONDS:kill:PID, not " + spec);
        }
        return new Action(Math.round(Double.parseDouble(parts[0]) * 1000), parts[1], parts[2]);
    }

    String name() {
        return verb.equals("post") ? URI.create(target).getPath().replace("/", "") : verb;
    }

    void perform(RunClock clock) throws IOException, InterruptedException {
        if (verb.equals("post")) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(target))
                    .timeout(Duration.ofSeconds(5))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build();
            http.send(request, HttpResponse.BodyHandlers.discarding());
            doneMs = clock.ms();
            return;
        }
        ProcessHandle process = ProcessHandle.of(Long.parseLong(target))
                .orElseThrow(() -> new IOException("no process " + target));
        doneMs = clock.ms();
        if (verb.equals("term")) {
            process.destroy(); // SIGTERM on Unix
        } else {
            process.destroyForcibly(); // SIGKILL on Unix
        }
        process.onExit().thenRun(() -> exitMs = clock.ms());
    }
}
