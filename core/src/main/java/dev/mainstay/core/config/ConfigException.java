package dev.mainstay.core.config;

import dev.mainstay.core.exception.MainstayException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown at start-up when the configuration is invalid. It carries every problem found, not only
 * the first, so an operator can fix them all in one go.
 */
public final class ConfigException extends MainstayException {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    /**
     * Creates an exception for a non-empty list of problems; the message lists each on its own line.
     *
     * @param problems what is wrong, in the order the keys were read; copied
     */
    public ConfigException(List<ConfigProblem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * Returns every problem found, in the order the keys were read.
     *
     * @return an unmodifiable, non-empty list
     */
    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String message(List<ConfigProblem> problems) {
        return "Invalid configuration (" + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + "):"
                + problems.stream().map(p -> "\n  - " + p.describe()).collect(Collectors.joining());
    }
}
