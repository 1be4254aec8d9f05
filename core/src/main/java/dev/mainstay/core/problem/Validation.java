package dev.mainstay.core.problem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Collects every invalid field of a request, then fails once with a 422 problem that lists them all;
 * also the one place for the text and number rules that every module applies to input.
 *
 * <pre>{@code
 * Validation.start()
 *     .notBlank("/title", title)
 *     .maxLength("/title", title, 200)
 *     .storable("/title", title)
 *     .throwIfInvalid();
 * }</pre>
 *
 * <p>Pointers are JSON Pointers into the body ({@code /user/email}) or {@code ?param} for query
 * parameters. Once a field has an error, later checks of the same pointer are skipped, so that a
 * missing value is not also reported as too short. Lengths count characters as a person does (Unicode
 * code points), so an emoji is one character, not two. Not thread-safe: use one per request; the static
 * methods are thread-safe.
 */
public final class Validation {
    /** The message of {@link #storable}; also what other modules say when they refuse such text. */
    public static final String NOT_STORABLE = "must not contain NUL or half of a surrogate pair";

    private final List<FieldError> errors = new ArrayList<>();
    private final Set<String> failed = new HashSet<>();

    private Validation() {}

    /**
     * Starts collecting errors for one request.
     *
     * @return an empty validation, to chain checks on
     */
    public static Validation start() {
        return new Validation();
    }

    /**
     * Records {@code message} for {@code pointer} unless {@code valid} (or the field already failed); the
     * building block of the other checks, for rules of the application's own.
     *
     * @param valid the outcome of the rule
     * @param pointer the field: a JSON Pointer such as {@code /email}, or {@code ?name} for a query parameter
     * @param message what is wrong, for a person, e.g. "must be in the future"
     * @return this validation, for chaining
     */
    public Validation check(boolean valid, String pointer, String message) {
        if (!valid && failed.add(pointer)) {
            errors.add(new FieldError(pointer, message));
        }
        return this;
    }

    /**
     * Requires a value that is not {@code null}.
     *
     * @param pointer the field, as in {@link #check}
     * @param value the value to check
     * @return this validation, for chaining
     */
    public Validation required(String pointer, Object value) {
        return check(value != null, pointer, "is required");
    }

    /**
     * Requires text that is not {@code null}, empty or only whitespace.
     *
     * @param pointer the field, as in {@link #check}
     * @param value the text to check
     * @return this validation, for chaining
     */
    public Validation notBlank(String pointer, String value) {
        return check(value != null && !value.isBlank(), pointer, "is required and must not be blank");
    }

    /**
     * Requires text of at most {@code max} code points; {@code null} passes (combine with notBlank).
     *
     * @param pointer the field, as in {@link #check}
     * @param value the text to check
     * @param max the largest number of characters (code points) accepted
     * @return this validation, for chaining
     */
    public Validation maxLength(String pointer, String value, int max) {
        // A string has at most length() code points, so only a long one needs counting.
        boolean valid = value == null || value.length() <= max || value.codePointCount(0, value.length()) <= max;
        return check(valid, pointer, "must be at most " + max + " characters");
    }

    /**
     * Requires text of at least {@code min} code points; {@code null} passes (combine with notBlank).
     *
     * @param pointer the field, as in {@link #check}
     * @param value the text to check
     * @param min the smallest number of characters (code points) accepted
     * @return this validation, for chaining
     */
    public Validation minLength(String pointer, String value, int min) {
        // A string has at most length() code points, so a short one fails without counting.
        boolean valid = value == null
                || (value.length() >= min && value.codePointCount(0, value.length()) >= min);
        return check(valid, pointer, "must be at least " + min + " characters");
    }

    /**
     * Requires text that a database stores and a JSON or UTF-8 response gives back unchanged: no NUL
     * (PostgreSQL's text types refuse it, which would be a 500) and no half of a surrogate pair (a JSON
     * {@code "\ud800"} escape can make one, but UTF-8 cannot encode it, so it would come back as
     * {@code ?}). {@code null} passes.
     *
     * @param pointer the field, as in {@link #check}
     * @param value the text to check
     * @return this validation, for chaining
     */
    public Validation storable(String pointer, String value) {
        return check(value == null || isStorable(value), pointer, NOT_STORABLE);
    }

    /**
     * Requires a number in {@code [min, max]}.
     *
     * @param pointer the field, as in {@link #check}
     * @param value the number to check
     * @param min the smallest value accepted
     * @param max the largest value accepted
     * @return this validation, for chaining
     */
    public Validation range(String pointer, long value, long min, long max) {
        return check(value >= min && value <= max, pointer, "must be from " + min + " to " + max);
    }

    /**
     * Requires text that matches {@code pattern} as a whole; {@code null} passes.
     *
     * @param pointer the field, as in {@link #check}
     * @param value the text to check
     * @param pattern the pattern the whole text must match
     * @param message what is wrong when it does not, e.g. "must be a slug of a-z, 0-9 and -"
     * @return this validation, for chaining
     */
    public Validation matches(String pointer, String value, Pattern pattern, String message) {
        return check(value == null || pattern.matcher(value).matches(), pointer, message);
    }

    /**
     * Tells whether no field failed so far.
     *
     * @return {@code true} when no check has recorded an error
     */
    public boolean isValid() {
        return errors.isEmpty();
    }

    /**
     * Returns a copy of the errors recorded so far, in the order the checks ran.
     *
     * @return an unmodifiable list, at most one error per pointer
     */
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

    /**
     * Tells whether {@code text} has neither NUL nor half of a surrogate pair; the rule of
     * {@link #storable}, for code that refuses such text in its own way (a password check, a mapper).
     *
     * @param text the text to inspect; not {@code null}
     * @return {@code true} when the text can be stored and given back unchanged
     */
    public static boolean isStorable(CharSequence text) {
        for (int i = 0, length = text.length(); i < length; i++) {
            char c = text.charAt(i);
            if (c == '\0' || Character.isLowSurrogate(c)) {
                return false; // a low surrogate here has no high one before it
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == length || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++; // the pair is one character
            }
        }
        return true;
    }

    /**
     * Parses a whole number written only with ASCII digits, with an optional leading {@code -}: the form
     * a query parameter or a config value should have. Unlike {@link Long#parseLong}, it refuses a
     * {@code +} sign and the digits of other scripts (so {@code "+5"} and {@code "٥"} are not 5), and it
     * never throws.
     *
     * @param text the text, as given; surrounding spaces are not trimmed
     * @param min the smallest value accepted
     * @param max the largest value accepted
     * @return the number, or empty when {@code text} is {@code null}, empty, not of that form, too large
     *     for a {@code long}, or outside {@code [min, max]}
     */
    public static OptionalLong parseWholeNumber(String text, long min, long max) {
        if (text == null) {
            return OptionalLong.empty();
        }
        int length = text.length();
        boolean negative = length > 0 && text.charAt(0) == '-';
        int start = negative ? 1 : 0;
        if (length == start) {
            return OptionalLong.empty();
        }
        // Accumulate negatively, as Long.parseLong does, so that Long.MIN_VALUE fits too.
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long multiplyMin = limit / 10;
        long result = 0;
        for (int i = start; i < length; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9 || result < multiplyMin) {
                return OptionalLong.empty();
            }
            result *= 10;
            if (result < limit + digit) {
                return OptionalLong.empty();
            }
            result -= digit;
        }
        long value = negative ? result : -result;
        return value >= min && value <= max ? OptionalLong.of(value) : OptionalLong.empty();
    }
}
