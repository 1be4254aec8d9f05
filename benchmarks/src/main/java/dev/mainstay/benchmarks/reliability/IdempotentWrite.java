package dev.mainstay.benchmarks.reliability;

import java.util.UUID;

/**
 * One logical note written with an {@code Idempotency-Key}: the key and the body are fixed when the
 * note is created, so that every retry sends the same request, and the key is in the title, so that a
 * duplicate row is visible in the table. The retry rule is what a careful client does: a failure that
 * may have left the write half done (no answer, a 5xx from the proxy or the server, 409 while the
 * first attempt still holds the key) is retried with the same key; an answer that says the request
 * itself is wrong (other 4xx, such as 422 for the same key with another body) is not.
 */
final class IdempotentWrite {
    /** The title prefix; {@code run.sh} finds the key after it. */
    static final String TITLE_PREFIX = "idempotent ";

    private static final long FIRST_BACKOFF_MS = 100;
    private static final long MAX_BACKOFF_MS = 1_000;

    final String key;
    final String title;
    private int attempts;
    private Outcome last;
    private String id;

    IdempotentWrite(String key) {
        this.key = key;
        this.title = TITLE_PREFIX + key;
    }

    static IdempotentWrite create() {
        return new IdempotentWrite(UUID.randomUUID().toString());
    }

    /** Whether a request that ended with this outcome should be sent again with the same key. */
    static boolean retryable(Outcome outcome) {
        int status = outcome.status();
        return status < 0 || status == 409 || status == 429 || status >= 500;
    }

    /** The pause before retry number {@code retry} (1 for the first): 100 ms, doubling, at most 1 s. */
    static long backoffMs(int retry) {
        return Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS << Math.min(retry - 1, 10));
    }

    /**
     * Records one attempt's outcome and the id its answer named (null if none).
     *
     * @return true if the note needs another attempt
     */
    boolean record(Outcome outcome, String answeredId) {
        attempts++;
        last = outcome;
        if (outcome.ok()) {
            id = answeredId;
        }
        return !outcome.ok() && retryable(outcome);
    }

    int attempts() {
        return attempts;
    }

    boolean acknowledged() {
        return last != null && last.ok();
    }

    /**
     * The line {@code run.sh} reads: key, the id of the acknowledged note (or {@code -}), attempts, and
     * the last status ({@code 201}, {@code 422}, {@code io-error}...; {@code none} if never sent).
     */
    String line() {
        return key + "\t" + (id == null ? "-" : id) + "\t" + attempts + "\t" + (last == null ? "none" : last.label());
    }
}
