package dev.mainstay.core.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An error answer as RFC 9457 describes it ({@code application/problem+json}), before it is written.
 *
 * <p>Create one with {@link #of(int, String)} and refine it with the {@code with...} methods, each
 * of which returns a new, immutable problem. Throw it with {@link #toException()}. The request id and
 * {@code instance} are added by Mainstay when the problem is written.
 *
 * @param status the HTTP status, 400..599
 * @param type a URI that identifies the kind of problem; {@code about:blank} when the status says it all
 * @param title a short, fixed summary of the kind of problem, e.g. "Validation failed"
 * @param detail an explanation of this occurrence for a person; may be {@code null}
 * @param errors the invalid fields of a validation problem; empty otherwise
 * @param headers extra response headers, e.g. {@code Retry-After} or {@code WWW-Authenticate}
 */
public record Problem(
        int status, String type, String title, String detail, List<FieldError> errors, Map<String, String> headers) {

    /** Validates the status and copies the collections. */
    public Problem {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("A problem needs an error status (400..599), not " + status);
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        errors = List.copyOf(errors);
        headers = Map.copyOf(headers);
    }

    /** Returns a problem with only a status and a title. */
    public static Problem of(int status, String title) {
        return new Problem(status, "about:blank", title, null, List.of(), Map.of());
    }

    /** Returns a 422 problem that lists every invalid field. */
    public static Problem validation(List<FieldError> errors) {
        return of(422, "Validation failed")
                .withDetail(errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.")
                .withErrors(errors);
    }

    /** Returns a copy with the given explanation. */
    public Problem withDetail(String newDetail) {
        return new Problem(status, type, title, newDetail, errors, headers);
    }

    /** Returns a copy with the given type URI. */
    public Problem withType(String newType) {
        return new Problem(status, newType, title, detail, errors, headers);
    }

    /** Returns a copy that lists the given invalid fields. */
    public Problem withErrors(List<FieldError> newErrors) {
        return new Problem(status, type, title, detail, newErrors, headers);
    }

    /** Returns a copy that also sets a response header. */
    public Problem withHeader(String name, String value) {
        Map<String, String> merged = new LinkedHashMap<>(headers);
        merged.put(name, value);
        return new Problem(status, type, title, detail, errors, merged);
    }

    /** Returns an exception that carries this problem; throw it from a handler. */
    public ProblemException toException() {
        return new ProblemException(this);
    }
}
