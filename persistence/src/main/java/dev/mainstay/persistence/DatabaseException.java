package dev.mainstay.persistence;

/**
 * The root of persistence's unchecked exception family: a database operation failed.
 *
 * <p>Every {@link java.sql.SQLException} raised through a {@link Database} arrives as this type or one
 * of its subclasses: {@link UniqueViolationException}, {@link InvalidDataException} and {@link
 * DatabaseUnavailableException}. Others, such as a syntax error or a broken migration, are bugs or
 * operations problems. Messages name the setting to fix where there is one, and never contain a
 * password. Plain Java: {@code dev.mainstay.persistence.web.PersistenceProblems} gives each its HTTP
 * answer in a Mainstay app.
 */
public class DatabaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception whose message says what failed and how to fix it.
     *
     * @param message what failed and how to fix it
     */
    public DatabaseException(String message) {
        super(message);
    }

    /**
     * Creates an exception that explains {@code cause}, usually a {@link java.sql.SQLException}.
     *
     * @param message what failed and how to fix it
     * @param cause the failure it explains
     */
    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
