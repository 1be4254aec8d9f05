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

    /**
     * Validates the status and copies the collections.
     *
     * @param status the HTTP status, 400..599
     * @param type a URI that identifies the kind of problem
     * @param title a short, fixed summary of the kind of problem
     * @param detail an explanation of this occurrence; may be {@code null}
     * @param errors the invalid fields; copied
     * @param headers extra response headers; copied
     * @throws IllegalArgumentException if {@code status} is not an error status
     * @throws NullPointerException if {@code type}, {@code title}, {@code errors} or {@code headers} is {@code null}
     */
    public Problem {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("A problem needs an error status (400..599), not " + status);
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        errors = List.copyOf(errors);
        headers = Map.copyOf(headers);
    }

    /**
     * Returns a problem with only a status and a title.
     *
     * @param status the HTTP status, 400..599
     * @param title a short, fixed summary, e.g. "Not Found"; the same for every occurrence
     * @return a problem of type {@code about:blank}, without detail, fields or headers
     */
    public static Problem of(int status, String title) {
        return new Problem(status, "about:blank", title, null, List.of(), Map.of());
    }

    /**
     * Returns a 422 problem that lists every invalid field.
     *
     * @param errors the invalid fields, in the order they were checked
     * @return a "Validation failed" problem whose detail counts the fields
     */
    public static Problem validation(List<FieldError> errors) {
        return of(422, "Validation failed")
                .withDetail(errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.")
                .withErrors(errors);
    }

    /**
     * Returns a copy with the given explanation of this occurrence.
     *
     * @param newDetail the explanation for a person; {@code null} removes it
     * @return a new problem; this one is unchanged
     */
    public Problem withDetail(String newDetail) {
        return new Problem(status, type, title, newDetail, errors, headers);
    }

    /**
     * Returns a copy with the given type URI, for problems a client tells apart by more than the status.
     *
     * @param newType a URI that identifies the kind of problem
     * @return a new problem; this one is unchanged
     */
    public Problem withType(String newType) {
        return new Problem(status, newType, title, detail, errors, headers);
    }

    /**
     * Returns a copy that lists the given invalid fields.
     *
     * @param newErrors the invalid fields; replaces any listed before
     * @return a new problem; this one is unchanged
     */
    public Problem withErrors(List<FieldError> newErrors) {
        return new Problem(status, type, title, detail, newErrors, headers);
    }

    /**
     * Returns a copy that also sets a response header, e.g. {@code Retry-After} on a 429.
     *
     * @param name the header name; replaces an earlier value of the same name
     * @param value the header value
     * @return a new problem; this one is unchanged
     */
    public Problem withHeader(String name, String value) {
        Map<String, String> merged = new LinkedHashMap<>(headers);
        merged.put(name, value);
        return new Problem(status, type, title, detail, errors, merged);
    }

    /**
     * Returns an exception that carries this problem; throw it from a handler.
     *
     * @return a new exception; without a stack trace for a 4xx, with one for a 5xx
     */
    public ProblemException toException() {
        return new ProblemException(this);
    }
}
