package dev.mainstay.persistence.page;

import java.util.Objects;

/**
 * A client asked for a page in a form this module refuses: a {@code limit} that is not a whole number
 * in ASCII digits, or a {@code cursor} this listing did not issue.
 *
 * <p>The message is safe to show to the client and names no internals. In a Mainstay app it answers
 * {@code 400} with a field error on {@code ?}{@link #parameter()}. Thrown without a stack trace: it is
 * an expected answer to bad input, and nobody reads the trace.
 */
public final class InvalidPageRequestException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The query parameter at fault: {@code limit} or {@code cursor}. */
    private final String parameter;

    /**
     * Creates the exception.
     *
     * @param parameter the query parameter at fault, {@code limit} or {@code cursor}; not null
     * @param message what is wrong with it, for the client
     */
    public InvalidPageRequestException(String parameter, String message) {
        super(message);
        this.parameter = Objects.requireNonNull(parameter, "parameter");
    }

    /**
     * Returns the query parameter at fault.
     *
     * @return {@code limit} or {@code cursor}
     */
    public String parameter() {
        return parameter;
    }

    /** Skips the stack trace: the exception is an expected answer to bad input. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
