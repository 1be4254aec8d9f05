package dev.mainstay.core;

/**
 * The root of core's unchecked exception family.
 *
 * <p>Catch this to handle every failure that Mainstay core raises on purpose; anything else that
 * escapes is a bug or a failure of a library underneath.
 */
public class MainstayException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message that says what went wrong and how to fix it. */
    public MainstayException(String message) {
        super(message);
    }

    /** Creates an exception that explains {@code cause} in Mainstay's terms. */
    public MainstayException(String message, Throwable cause) {
        super(message, cause);
    }
}
