package dev.mainstay.core.exception;

/**
 * The root of core's unchecked exception family.
 *
 * <p>Catch this to handle every failure that Mainstay core raises on purpose; anything else that
 * escapes is a bug or a failure of a library underneath.
 */
public class MainstayException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message that says what went wrong and how to fix it.
     *
     * @param message the explanation, written for the person who has to act on it
     */
    public MainstayException(String message) {
        super(message);
    }

    /**
     * Creates an exception that explains {@code cause} in Mainstay's terms.
     *
     * @param message the explanation, written for the person who has to act on it
     * @param cause the failure underneath, kept for the stack trace; may be {@code null}
     */
    public MainstayException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates an exception that may skip its stack trace: for expected outcomes thrown as control
     * flow (a 4xx answer), where nobody reads the trace and filling it in is much of the cost of
     * the throw. Without a stack trace, suppressed exceptions are not recorded either.
     *
     * @param message the explanation, written for the person who has to act on it
     * @param writableStackTrace {@code false} to skip filling in the stack trace
     */
    protected MainstayException(String message, boolean writableStackTrace) {
        super(message, null, writableStackTrace, writableStackTrace);
    }
}
