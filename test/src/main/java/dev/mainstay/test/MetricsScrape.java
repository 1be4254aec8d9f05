package dev.mainstay.test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One scrape of {@code /metrics} in the Prometheus text format, read into samples, so that a test asks
 * for a series by name and labels instead of searching the text.
 *
 * <p>For example, the requests that {@code GET /hello} answered with 200:
 * {@code scrape.sum("http_server_requests_seconds_count", "uri", "/hello", "status", "200")}. Get one from
 * {@link TestClient#metrics()}, or from {@link TestClient#awaitMetrics} when the test must wait for a
 * request to be counted: the request timer is recorded after the response has been written, so a scrape
 * sent on another connection right after a response may not count it yet. Immutable.
 */
public final class MetricsScrape {
    private final String text;
    private final List<Sample> samples;

    private MetricsScrape(String text, List<Sample> samples) {
        this.text = text;
        this.samples = samples;
    }

    /** One line of the exposition: a series and its value. */
    private record Sample(String name, Map<String, String> labels, double value) {
        boolean matches(String wantedName, String... labelPairs) {
            if (!name.equals(wantedName)) {
                return false;
            }
            for (int i = 0; i < labelPairs.length; i += 2) {
                if (!labelPairs[i + 1].equals(labels.get(labelPairs[i]))) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Reads a scrape in the Prometheus text format (version 0.0.4); comment lines are left out.
     *
     * @param text the body of a {@code /metrics} response
     * @return the samples of the scrape
     * @throws IllegalArgumentException naming the line when a sample line cannot be read
     */
    public static MetricsScrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                samples.add(sample(line));
            }
        }
        return new MetricsScrape(text, List.copyOf(samples));
    }

    /**
     * Returns the sum of the values of every series named {@code name} that carries all the given labels,
     * whatever its other labels; 0 when there is none.
     *
     * @param name the series name, e.g. {@code http_server_requests_seconds_count}
     * @param labels label names and values, alternating, e.g. {@code "uri", "/hello"}
     * @return the sum, e.g. how many requests a timer counted
     * @throws IllegalArgumentException when the strings are not name/value pairs
     */
    public double sum(String name, String... labels) {
        requirePairs(labels);
        return samples.stream().filter(s -> s.matches(name, labels)).mapToDouble(Sample::value).sum();
    }

    /**
     * Tells whether some series named {@code name} carries all the given labels.
     *
     * @param name the series name
     * @param labels label names and values, alternating
     * @return whether the scrape has such a series
     * @throws IllegalArgumentException when the strings are not name/value pairs
     */
    public boolean has(String name, String... labels) {
        requirePairs(labels);
        return samples.stream().anyMatch(s -> s.matches(name, labels));
    }

    /**
     * Returns the scrape as it was received, for an assertion's message.
     *
     * @return the response body
     */
    @Override
    public String toString() {
        return text;
    }

    private static void requirePairs(String... labels) {
        if (labels.length % 2 != 0) {
            throw new IllegalArgumentException("Labels come in name/value pairs; got " + labels.length + " strings");
        }
    }

    /** {@code name{label="value",...} value}, with {@code \"}, {@code \\} and {@code \n} escapes in values. */
    private static Sample sample(String line) {
        int space = line.indexOf(' ');
        int brace = line.indexOf('{');
        boolean labelled = brace >= 0 && (space < 0 || brace < space);
        Map<String, String> labels = new HashMap<>();
        int afterSeries = labelled ? labels(line, brace + 1, labels) : space;
        if (afterSeries < 0) {
            throw notASample(line);
        }
        String name = line.substring(0, labelled ? brace : space);
        String value = line.substring(afterSeries).strip().split(" ")[0];
        return new Sample(name, Map.copyOf(labels), number(value, line));
    }

    private static double number(String value, String line) {
        try {
            return switch (value) {
                case "+Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(value);
            };
        } catch (NumberFormatException e) {
            throw notASample(line);
        }
    }

    private static IllegalArgumentException notASample(String line) {
        return new IllegalArgumentException("Not a sample line of the Prometheus text format: " + line);
    }

    /** Reads the labels from {@code start} (just after the brace) into {@code into}; returns the index after '}'. */
    private static int labels(String line, int start, Map<String, String> into) {
        int i = start;
        while (i < line.length() && line.charAt(i) != '}') {
            int equals = line.indexOf("=\"", i);
            if (equals < 0) {
                throw notASample(line);
            }
            String label = line.substring(i, equals);
            StringBuilder value = new StringBuilder();
            i = equals + 2;
            while (i < line.length() && line.charAt(i) != '"') {
                char c = line.charAt(i++);
                if (c == '\\' && i < line.length()) {
                    char escaped = line.charAt(i++);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
            }
            into.put(label, value.toString());
            i++; // the closing quote
            if (i < line.length() && line.charAt(i) == ',') {
                i++;
            }
        }
        if (i >= line.length()) {
            throw notASample(line);
        }
        return i + 1;
    }
}
