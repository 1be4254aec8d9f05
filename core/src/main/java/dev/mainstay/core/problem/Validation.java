package dev.mainstay.core.problem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Collects every invalid field of a request, then fails once with a 422 problem that lists them all.
 *
 * <pre>{@code
 * Validation.start()
 *     .notBlank("?name", name)
 *     .maxLength("?name", name, 100)
 *     .throwIfInvalid();
 * }</pre>
 *
 * <p>Pointers are JSON Pointers into the body ({@code /user/email}) or {@code ?param} for query
 * parameters. Once a field has an error, later checks of the same pointer are skipped, so that a
 * missing value is not also reported as too short. Not thread-safe: use one per request.
 */
public final class Validation {
    private final List<FieldError> errors = new ArrayList<>();
    private final Set<String> failed = new HashSet<>();

    private Validation() {}

    /** Returns an empty validation. */
    public static Validation start() {
        return new Validation();
    }

    /** Records {@code message} for {@code pointer} unless {@code valid} (or the field already failed). */
    public Validation check(boolean valid, String pointer, String message) {
        if (!valid && failed.add(pointer)) {
            errors.add(new FieldError(pointer, message));
        }
        return this;
    }

    /** Requires a value that is not {@code null}. */
    public Validation required(String pointer, Object value) {
        return check(value != null, pointer, "is required");
    }

    /** Requires text that is not {@code null}, empty or only whitespace. */
    public Validation notBlank(String pointer, String value) {
        return check(value != null && !value.isBlank(), pointer, "is required and must not be blank");
    }

    /** Requires text of at most {@code max} characters; {@code null} passes (combine with notBlank). */
    public Validation maxLength(String pointer, String value, int max) {
        return check(value == null || value.length() <= max, pointer, "must be at most " + max + " characters");
    }

    /** Requires text of at least {@code min} characters; {@code null} passes (combine with notBlank). */
    public Validation minLength(String pointer, String value, int min) {
        return check(value == null || value.length() >= min, pointer, "must be at least " + min + " characters");
    }

    /** Requires a number in {@code [min, max]}. */
    public Validation range(String pointer, long value, long min, long max) {
        return check(value >= min && value <= max, pointer, "must be from " + min + " to " + max);
    }

    /** Requires text that matches {@code pattern} as a whole; {@code null} passes. */
    public Validation matches(String pointer, String value, Pattern pattern, String message) {
        return check(value == null || pattern.matcher(value).matches(), pointer, message);
    }

    /** Returns {@code true} when no field failed. */
    public boolean isValid() {
        return errors.isEmpty();
    }

    /** Returns the errors recorded so far, in order. */
    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /**
     * Does nothing when every field is valid.
     *
     * @throws ProblemException a 422 problem listing every invalid field
     */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw Problem.validation(errors).toException();
        }
    }
}
