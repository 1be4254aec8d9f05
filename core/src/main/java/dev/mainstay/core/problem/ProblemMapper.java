package dev.mainstay.core.problem;

/**
 * Turns an application's own exception into the {@link Problem} it answers with.
 *
 * <p>Register one per exception class with {@code setup.exception(Type.class, mapper)}; the most
 * specific registered class wins. Mainstay writes the result like any other problem (status, headers,
 * request id) and does not log it, since a mapped exception is an expected outcome.
 *
 * @param <E> the exception type handled
 */
@FunctionalInterface
public interface ProblemMapper<E extends Exception> {
    /**
     * Returns the problem for {@code exception}; called on the request thread.
     *
     * @param exception the exception a handler threw, never {@code null}
     * @return the problem to write, never {@code null}
     */
    Problem toProblem(E exception);
}
