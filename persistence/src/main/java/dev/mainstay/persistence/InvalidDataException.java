package dev.mainstay.persistence;

import dev.mainstay.core.problem.Problem;
import dev.mainstay.core.problem.ProblemSource;

/**
 * The database refused a value as data (SQLState class 22): too long for its column, out of range for
 * its type, not a valid number or date, or a character the column cannot hold (PostgreSQL refuses NUL).
 *
 * <p>It answers {@code 422 Unprocessable Content} with a generic detail, because such a value nearly
 * always came from the request. It is a safety net, not validation: the database names neither the
 * field nor the rule in a form fit for a client, so check input before it reaches SQL and say which
 * field is wrong there. The SQL and the database's message stay in this exception, never on the wire.
 */
public class InvalidDataException extends DatabaseException implements ProblemSource {
    private static final long serialVersionUID = 1L;

    private static final Problem PROBLEM = Problem.of(422, "Unprocessable Content")
            .withDetail("A value in the request cannot be stored: it is too long, out of range or not valid"
                    + " for its field.");

    /** Creates an exception that explains {@code cause}. */
    public InvalidDataException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Returns 422 with a generic detail. */
    @Override
    public Problem problem() {
        return PROBLEM;
    }
}
