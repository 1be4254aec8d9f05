package dev.mainstay.test;

import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Counts the statuses a suite of hostile requests received and prints them as one line, e.g.
 * {@code 264 hostile values, seed 20261129: 200 x56, 401 x9, 422 x93}, so that a report can quote what a
 * run answered rather than what the code is expected to answer. It only counts: the suite still asserts
 * every answer. A request that got no answer because the server closed the connection, as Jetty does
 * after refusing an oversized request line, is counted as {@code closed}.
 *
 * <pre>{@code
 * StatusTally tally = new StatusTally(attacks.size() + " hostile values, seed " + hostile.seed());
 * try {
 *     for (...) { HttpResponse<String> response = send(...); tally.add(response.statusCode()); check(response); }
 * } finally {
 *     tally.print();   // also when an assertion failed
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class StatusTally {
    private static final int CLOSED = -1;

    private final String label;
    private final Map<Integer, Integer> counts = new TreeMap<>();

    /**
     * Creates an empty tally.
     *
     * @param label what was sent, printed before the counts (e.g. the number of requests and the seed)
     */
    public StatusTally(String label) {
        this.label = label;
    }

    /**
     * Counts one answer.
     *
     * @param status its HTTP status
     */
    public synchronized void add(int status) {
        counts.merge(status, 1, Integer::sum);
    }

    /** Counts one request that the server answered by closing the connection. */
    public synchronized void addClosed() {
        counts.merge(CLOSED, 1, Integer::sum);
    }

    /**
     * Returns the line: the label, then each status received with its count, in ascending order, then
     * the closed connections, if any.
     *
     * @return the line, without a line break
     */
    public synchronized String line() {
        StringJoiner statuses = new StringJoiner(", ", label + ": ", counts.isEmpty() ? "no answer" : "");
        counts.forEach((status, count) -> {
            if (status != CLOSED) {
                statuses.add(status + " x" + count);
            }
        });
        if (counts.containsKey(CLOSED)) {
            statuses.add("closed x" + counts.get(CLOSED));
        }
        return statuses.toString();
    }

    /** Prints {@link #line()} to standard output, where the build shows a test's output. */
    public void print() {
        System.out.println(line());
    }
}
