package dev.mainstay.persistence;

import java.util.Locale;
import java.util.Objects;

/**
 * An insert or update would duplicate a value that a unique constraint or primary key forbids.
 *
 * <p>In a Mainstay app it answers {@code 409 Conflict} with a generic detail. To say which field
 * clashed, catch it and ask {@link #violates(String)}, then throw your own exception: <pre>{@code
 * catch (UniqueViolationException e) {
 *     if (e.violates("uq_users_email")) throw new EmailTakenException();
 *     throw e;
 * }}</pre>
 */
public class UniqueViolationException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    /** The database's own message, which names the violated constraint (or, on H2, its index). */
    private final String databaseMessage;

    /**
     * Creates an exception from the database's own message, which names the constraint.
     *
     * @param message what was refused, without the values
     * @param databaseMessage the database's message, which names the constraint; {@code null} is read as empty
     * @param cause the database's refusal
     */
    public UniqueViolationException(String message, String databaseMessage, Throwable cause) {
        super(message, cause);
        this.databaseMessage = Objects.requireNonNullElse(databaseMessage, "");
    }

    /**
     * Tells whether the violated constraint is the one named {@code constraintName}, on every supported
     * database (PostgreSQL and MariaDB name the constraint; H2 names its index, which starts with it).
     *
     * @param constraintName the name given in the migration, e.g. {@code uq_users_email}; not null
     * @return true when the database's message names that constraint (case-insensitive, whole name)
     */
    public boolean violates(String constraintName) {
        String message = databaseMessage.toLowerCase(Locale.ROOT);
        String name = constraintName.toLowerCase(Locale.ROOT);
        for (int at = message.indexOf(name); at >= 0; at = message.indexOf(name, at + 1)) {
            if (boundary(message, at - 1) && endsName(message, at + name.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsName(String message, int end) {
        // H2 reports the constraint's index, named <constraint>_INDEX_<n>.
        return boundary(message, end) || message.startsWith("_index_", end);
    }

    private static boolean boundary(String message, int at) {
        if (at < 0 || at >= message.length()) {
            return true;
        }
        char c = message.charAt(at);
        return !(Character.isLetterOrDigit(c) || c == '_' || c == '$');
    }
}
