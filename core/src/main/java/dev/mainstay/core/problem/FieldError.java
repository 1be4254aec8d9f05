package dev.mainstay.core.problem;

import java.util.Objects;

/**
 * One invalid field of a request, as listed in a validation problem.
 *
 * @param pointer a JSON Pointer (RFC 6901) to the field, e.g. {@code /email} or {@code /tags/2};
 *     for a query parameter, its name prefixed with {@code ?}, e.g. {@code ?limit}
 * @param message what is wrong, for a person, e.g. "must not be blank"
 */
public record FieldError(String pointer, String message) {
    /**
     * Rejects nulls.
     *
     * @param pointer a JSON Pointer to the field, or {@code ?name} for a query parameter
     * @param message what is wrong, for a person
     * @throws NullPointerException if either is {@code null}
     */
    public FieldError {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
    }
}
