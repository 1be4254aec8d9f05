package dev.mainstay.core.problem;

/**
 * An exception that knows which {@link Problem} it answers with.
 *
 * <p>Other modules implement it on their own exception family (for example, a unique-key violation
 * answers 409) so that core renders them without a mapping per exception class. An application can
 * still override the mapping for any class.
 */
public interface ProblemSource {
    /**
     * Returns the problem this exception answers with.
     *
     * @return the problem, never {@code null}
     */
    Problem problem();
}
