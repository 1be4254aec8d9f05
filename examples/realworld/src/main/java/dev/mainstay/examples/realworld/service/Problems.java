package dev.mainstay.examples.realworld.service;

import dev.mainstay.core.problem.FieldError;
import dev.mainstay.core.problem.Problem;
import dev.mainstay.core.problem.ProblemException;
import java.util.List;

/** The problems the services answer with; core writes them, in RealWorld's format here. */
final class Problems {
    private Problems() {}

    static ProblemException notFound(String what) {
        return Problem.of(404, "Not Found").withDetail(what + " not found").toException();
    }

    static ProblemException forbidden(String detail) {
        return Problem.of(403, "Forbidden").withDetail(detail).toException();
    }

    static ProblemException unprocessable(String detail) {
        return Problem.of(422, "Unprocessable Content").withDetail(detail).toException();
    }

    static ProblemException invalid(String pointer, String message) {
        return Problem.validation(List.of(new FieldError(pointer, message))).toException();
    }
}
