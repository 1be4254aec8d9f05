package dev.mainstay.core.problem;

import dev.mainstay.core.MainstayException;

/**
 * Thrown from a handler (or anything it calls) to answer with a {@link Problem}. Mainstay writes the
 * problem as {@code application/problem+json} and does not log it: it is an expected outcome.
 */
public class ProblemException extends MainstayException implements ProblemSource {
    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    /** Creates an exception that answers with {@code problem}. */
    public ProblemException(Problem problem) {
        super(problem.status() + " " + problem.title() + (problem.detail() == null ? "" : ": " + problem.detail()));
        this.problem = problem;
    }

    /** Returns the problem to write. */
    @Override
    public Problem problem() {
        return problem;
    }
}
