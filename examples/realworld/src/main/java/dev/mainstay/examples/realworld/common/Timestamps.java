package dev.mainstay.examples.realworld.common;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes stored timestamps the way the spec shows them: {@code 2016-02-18T03:22:56.637Z}.
 *
 * <p>Columns are {@code TIMESTAMP(3)} holding UTC (portable to every database, unlike time-zone
 * types), so the trailing {@code Z} is true by construction. Always three fractional digits, which
 * {@code Instant.toString()} does not promise (it drops a zero fraction).
 */
public final class Timestamps {
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'");

    private Timestamps() {}

    /** Formats a UTC timestamp read from the database. */
    public static String format(LocalDateTime utc) {
        return ISO_MILLIS.format(utc);
    }
}
