package dev.mainstay.core;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.mainstay.core.problem.FieldError;
import dev.mainstay.core.problem.Problem;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Turns Jackson's failures to read a request body into 400 problems that name the field with a JSON
 * pointer. The messages are our own: Jackson's name Java classes, which clients should not see.
 */
final class JsonProblems {
    private JsonProblems() {}

    /** Bad input, as opposed to a response that could not be written or a type Jackson cannot map. */
    static boolean isInputError(JsonProcessingException e) {
        if (e instanceof InvalidDefinitionException) {
            return false;
        }
        return e instanceof StreamReadException
                || e.getProcessor() instanceof JsonParser
                || cause(e, StreamReadException.class) != null
                || cause(e, StreamConstraintsException.class) != null;
    }

    static Problem of(JsonProcessingException e) {
        StreamConstraintsException limitBroken = cause(e, StreamConstraintsException.class);
        if (limitBroken != null) {
            String limit = limitBroken.getOriginalMessage().contains("nesting depth")
                    ? "is nested deeper than allowed (http.json.max-depth)"
                    : "has a value longer than allowed (http.json.max-string-length)";
            return Problem.of(400, "JSON too large").withDetail("The body " + limit + ".");
        }
        if (e instanceof JsonMappingException mapping && !(e instanceof StreamReadException)) {
            return Problem.of(400, "Invalid JSON value")
                    .withDetail("A field of the body has the wrong type or value.")
                    .withErrors(List.of(new FieldError(pointer(mapping), message(mapping))));
        }
        return Problem.of(400, "Malformed JSON")
                .withDetail("The body is not valid JSON" + where(e.getLocation()) + ".");
    }

    private static String message(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException invalid) {
            return invalid.getMessage();
        }
        if (e.getOriginalMessage().contains("`null`")) {
            return "is required";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return expected(mismatch.getTargetType());
        }
        return "is invalid";
    }

    private static String expected(Class<?> type) {
        if (type.isPrimitive() && type != boolean.class && type != char.class || Number.class.isAssignableFrom(type)) {
            return "must be a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "must be a string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be an array";
        }
        if (type.isEnum()) {
            return "must be one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "must be an ISO-8601 date or time";
        }
        if (Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.")) {
            return "must be an object";
        }
        return "is invalid";
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** RFC 6901: {@code ~} becomes {@code ~0} and {@code /} becomes {@code ~1}. */
    static String pointer(JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            pointer.append('/');
            if (ref.getFieldName() != null) {
                pointer.append(ref.getFieldName().replace("~", "~0").replace("/", "~1"));
            } else if (ref.getIndex() >= 0) {
                pointer.append(ref.getIndex());
            } else {
                pointer.append('-');
            }
        }
        return pointer.toString();
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
