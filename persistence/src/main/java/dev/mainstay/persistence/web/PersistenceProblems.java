package dev.mainstay.persistence.web;

import dev.mainstay.core.MainstaySetup;
import dev.mainstay.core.problem.FieldError;
import dev.mainstay.core.problem.Problem;
import dev.mainstay.persistence.DatabaseUnavailableException;
import dev.mainstay.persistence.InvalidDataException;
import dev.mainstay.persistence.UniqueViolationException;
import dev.mainstay.persistence.page.InvalidPageRequestException;
import java.util.List;

/**
 * The problem+json answers of the plain-Java persistence exceptions, and their registration with a
 * Mainstay app.
 *
 * <p>The exceptions live in packages that must not depend on mainstay-core, so they cannot carry their
 * problem themselves. Every detail is generic: the SQL, the database's message and the cause stay in
 * the exception and the log. Any other {@link dev.mainstay.persistence.DatabaseException} is a bug or
 * an operations problem and answers 500, as any unexpected exception does.
 */
public final class PersistenceProblems {
    private static final Problem CONFLICT =
            Problem.of(409, "Conflict").withDetail("The request conflicts with an existing record.");
    private static final Problem INVALID_DATA = Problem.of(422, "Unprocessable Content")
            .withDetail("A value in the request cannot be stored: it is too long, out of range or not valid"
                    + " for its field.");
    private static final Problem UNAVAILABLE = Problem.of(503, "Service Unavailable")
            .withDetail("The database is not available at the moment. Try again later.")
            .withHeader("Retry-After", String.valueOf(DatabaseUnavailableException.RETRY_AFTER.toSeconds()));

    private PersistenceProblems() {}

    /**
     * Maps the persistence exceptions in {@code setup}: 409, 422, 503 (with {@code Retry-After}) and
     * 400 naming the page parameter. {@link MainstayPersistence#install} calls it; call it yourself only
     * when you create the {@link dev.mainstay.persistence.Database} without that.
     *
     * @param setup the app being set up
     */
    public static void register(MainstaySetup setup) {
        setup.exception(UniqueViolationException.class, PersistenceProblems::conflict);
        setup.exception(InvalidDataException.class, PersistenceProblems::invalidData);
        setup.exception(DatabaseUnavailableException.class, PersistenceProblems::unavailable);
        setup.exception(InvalidPageRequestException.class, PersistenceProblems::badPage);
    }

    /**
     * Returns 409 with a generic detail. To name the field that clashed, catch the exception in the
     * handler, ask {@link UniqueViolationException#violates}, and throw a problem of your own.
     *
     * @param e the violation
     * @return the problem
     */
    public static Problem conflict(UniqueViolationException e) {
        return CONFLICT;
    }

    /**
     * Returns 422 with a generic detail: the database does not say which field, in a form fit for a
     * client.
     *
     * @param e the refusal
     * @return the problem
     */
    public static Problem invalidData(InvalidDataException e) {
        return INVALID_DATA;
    }

    /**
     * Returns 503 with {@code Retry-After} ({@link DatabaseUnavailableException#RETRY_AFTER}), so that a
     * client backs off instead of retrying at once.
     *
     * @param e the failure
     * @return the problem
     */
    public static Problem unavailable(DatabaseUnavailableException e) {
        return UNAVAILABLE;
    }

    /**
     * Returns 400 with one field error on the query parameter, e.g. {@code ?limit}.
     *
     * @param e the refusal
     * @return the problem
     */
    public static Problem badPage(InvalidPageRequestException e) {
        return Problem.of(400, "Bad Request")
                .withDetail("The " + e.parameter() + " parameter " + e.getMessage() + ".")
                .withErrors(List.of(new FieldError("?" + e.parameter(), e.getMessage())));
    }
}
