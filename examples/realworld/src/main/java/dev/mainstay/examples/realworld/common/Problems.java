package dev.mainstay.examples.realworld.common;

import dev.mainstay.core.problem.FieldError;
import dev.mainstay.core.problem.Problem;
import dev.mainstay.core.problem.ProblemException;
import java.util.List;

/** The problems the services answer with; core writes them, in RealWorld's format here. */
public final class Problems {
    private Problems() {}

    /** Returns a 404 saying which kind of thing ({@code what}) was not found. */
    public static ProblemException notFound(String what) {
        return Problem.of(404, "Not Found").withDetail(what + " not found").toException();
    }

    /** Returns a 403: the caller may not change this. */
    public static ProblemException forbidden(String detail) {
        return Problem.of(403, "Forbidden").withDetail(detail).toException();
    }

    /** Returns a 422 about the request as a whole. */
    public static ProblemException unprocessable(String detail) {
        return Problem.of(422, "Unprocessable Content").withDetail(detail).toException();
    }

    /** Returns a 422 about one field, named by its JSON pointer. */
    public static ProblemException invalid(String pointer, String message) {
        return Problem.validation(List.of(new FieldError(pointer, message))).toException();
    }
}
