package dev.mainstay.persistence;

/**
 * The database refused a value as data (SQLState class 22): too long for its column, out of range for
 * its type, not a valid number or date, or a character the column cannot hold (PostgreSQL refuses NUL).
 *
 * <p>Such a value nearly always came from the request, so a Mainstay app answers {@code 422} with a
 * generic detail. It is a safety net, not validation: the database names neither the field nor the
 * rule in a form fit for a client, so check input before it reaches SQL and say which field is wrong
 * there. The SQL and the database's message stay in this exception, never on the wire.
 */
public class InvalidDataException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception that explains {@code cause}.
     *
     * @param message what was refused, without the values
     * @param cause the database's refusal
     */
    public InvalidDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
