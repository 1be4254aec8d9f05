package dev.mainstay.benchmarks.reliability;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

/**
 * What one request or probe got, with its times in milliseconds since the run started.
 *
 * @param kind {@code read}, {@code write}, {@code login} or {@code ready}
 * @param startMs when it was sent
 * @param endMs when its answer (or failure) arrived
 * @param status the HTTP status, or one of {@link #REFUSED}, {@link #IO_ERROR}, {@link #TIMED_OUT}
 * @param problem whether the answer was {@code application/problem+json}
 */
record Outcome(String kind, long startMs, long endMs, int status, boolean problem) {
    /** The connection was refused: nothing listened, so the request was never accepted. */
    static final int REFUSED = -1;
    /** The connection broke before a whole answer arrived. */
    static final int IO_ERROR = -2;
    /** No answer within the client's time-out. */
    static final int TIMED_OUT = -3;

    static int statusOf(IOException failure) {
        if (failure instanceof HttpConnectTimeoutException || failure instanceof HttpTimeoutException) {
            return TIMED_OUT;
        }
        return failure instanceof ConnectException || failure.getCause() instanceof ConnectException ? REFUSED : IO_ERROR;
    }

    boolean ok() {
        return status >= 200 && status < 300;
    }

    long millis() {
        return endMs - startMs;
    }

    /** The status as the report shows it: {@code 201}, {@code refused}, {@code io-error}, {@code timeout}. */
    String label() {
        return switch (status) {
            case REFUSED -> "refused";
            case IO_ERROR -> "io-error";
            case TIMED_OUT -> "timeout";
            default -> String.valueOf(status);
        };
    }
}
