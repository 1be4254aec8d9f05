package dev.mainstay.benchmarks.reliability;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Summarises a run, split into phases at each action: per phase and kind of request, the statuses,
 * the longest and the 99th-percentile time, the live threads; then readiness and recovery around the
 * actions. Writes a markdown table for people and {@code key=value} lines for the script.
 */
final class Report {
    private final List<Outcome> requests;
    private final List<Outcome> readiness;
    private final List<long[]> threads;
    private final List<Action> actions;
    private final long endMs;
    private final StringBuilder markdown = new StringBuilder();
    private final StringBuilder values = new StringBuilder();

    Report(Collection<Outcome> requests, Collection<Outcome> readiness, Collection<long[]> threads,
            List<Action> actions, long endMs) {
        this.requests = new ArrayList<>(requests);
        this.readiness = new ArrayList<>(readiness);
        this.threads = new ArrayList<>(threads);
        this.actions = actions;
        this.endMs = endMs;
    }

    String markdown() {
        return markdown.toString();
    }

    String values() {
        return values.toString();
    }

    Report build() {
        markdown.append("| phase | kind | requests | statuses | longest ms | p99 ms | live threads (max) |\n");
        markdown.append("| --- | --- | ---: | --- | ---: | ---: | ---: |\n");
        long from = 0;
        String phase = "before";
        for (int i = 0; i <= actions.size(); i++) {
            long to = i < actions.size() ? actions.get(i).doneMs : Long.MAX_VALUE;
            phase(i, phase, from, to);
            if (i < actions.size()) {
                from = to;
                phase = "after " + actions.get(i).name() + " (" + seconds(to) + ")";
            }
        }
        value("503_without_problem_json", requests.stream().filter(o -> o.status() == 503 && !o.problem()).count());
        value("requests", requests.size());
        value("duration_ms", endMs);
        for (int i = 0; i < actions.size(); i++) {
            Action action = actions.get(i);
            value("action." + i + ".name", action.name());
            value("action." + i + ".ms", action.doneMs);
            value("action." + i + ".ready_down_after_ms", firstReadiness(action.doneMs, false));
            value("action." + i + ".ready_up_after_ms", firstReadiness(action.doneMs, true));
            value("action." + i + ".exit_after_ms", action.exitMs < 0 ? -1 : action.exitMs - action.doneMs);
            recovery(i, action.doneMs);
        }
        return this;
    }

    private void phase(int index, String name, long from, long to) {
        Map<String, List<Outcome>> byKind = requests.stream()
                .filter(o -> o.startMs() >= from && o.startMs() < to)
                .collect(Collectors.groupingBy(Outcome::kind, TreeMap::new, Collectors.toList()));
        long maxThreads = threads.stream().filter(t -> t[0] >= from && t[0] < to).mapToLong(t -> t[1]).max().orElse(-1);
        value("phase." + index + ".max_threads", maxThreads);
        for (Map.Entry<String, List<Outcome>> entry : byKind.entrySet()) {
            List<Outcome> list = entry.getValue();
            long[] millis = list.stream().mapToLong(Outcome::millis).sorted().toArray();
            long max = millis[millis.length - 1];
            long p99 = millis[(int) Math.min(millis.length - 1, Math.ceil(millis.length * 0.99) - 1)];
            Map<String, Long> statuses = list.stream()
                    .collect(Collectors.groupingBy(Outcome::label, TreeMap::new, Collectors.counting()));
            long failed = list.stream().filter(o -> !o.ok()).count();
            String prefix = "phase." + index + "." + entry.getKey();
            value(prefix + ".count", list.size());
            value(prefix + ".failed", failed);
            value(prefix + ".max_ms", max);
            statuses.forEach((status, count) -> value(prefix + ".status." + status, count));
            String shown = statuses.entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue())
                    .collect(Collectors.joining(", "));
            markdown.append(String.format("| %s | %s | %d | %s | %d | %d | %s |%n",
                    name, entry.getKey(), list.size(), shown, max, p99, maxThreads < 0 ? "-" : maxThreads));
        }
    }

    /** Time from {@code fromMs} to the first readiness probe sent after it that is up (or down); -1 if none. */
    private long firstReadiness(long fromMs, boolean up) {
        return readiness.stream()
                .filter(o -> o.startMs() >= fromMs && (o.status() == 200) == up)
                .mapToLong(o -> o.endMs() - fromMs)
                .min()
                .orElse(-1);
    }

    /**
     * Among requests sent after the action: how many failed, and how long after the action the last
     * failure ended (the service has recovered once failures stop).
     */
    private void recovery(int index, long fromMs) {
        long nextAction = index + 1 < actions.size() ? actions.get(index + 1).doneMs : Long.MAX_VALUE;
        List<Outcome> after = requests.stream()
                .filter(o -> o.startMs() >= fromMs && o.startMs() < nextAction)
                .collect(Collectors.toList());
        value("action." + index + ".failed_after", after.stream().filter(o -> !o.ok()).count());
        value("action." + index + ".last_failure_after_ms",
                after.stream().filter(o -> !o.ok()).mapToLong(o -> o.endMs() - fromMs).max().orElse(-1));
        value("action." + index + ".first_failure_after_ms",
                after.stream().filter(o -> !o.ok()).mapToLong(o -> o.endMs() - fromMs).min().orElse(-1));
    }

    private void value(String key, Object value) {
        values.append(key).append('=').append(value).append('\n');
    }

    private static String seconds(long ms) {
        return String.format("t=%.1f s", ms / 1000.0);
    }
}
