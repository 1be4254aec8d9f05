package dev.mainstay.examples.realworld;

import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Counts the statuses a hostile test received, and prints them as one line, e.g. {@code hostile values, seed
 * 20261129: 200 x12, 401 x30, 422 x222}: the "statuses counted" column of RELIABILITY.md, read from a run
 * rather than from the code. It only counts; the tests assert every answer as before. Thread-safe.
 */
final class StatusTally {
    private final String label;
    private final Map<Integer, Integer> counts = new TreeMap<>();

    StatusTally(String label) {
        this.label = label;
    }

    /** Counts one answer with {@code status}. */
    synchronized void add(int status) {
        counts.merge(status, 1, Integer::sum);
    }

    /** Returns the line: the label, then each status received with its count, in ascending order. */
    synchronized String line() {
        StringJoiner statuses = new StringJoiner(", ", label + ": ", counts.isEmpty() ? "no answer" : "");
        counts.forEach((status, count) -> statuses.add(status + " x" + count));
        return statuses.toString();
    }

    /** Prints {@link #line()} to standard output, where the test's output shows it. */
    void print() {
        System.out.println(line());
    }
}
