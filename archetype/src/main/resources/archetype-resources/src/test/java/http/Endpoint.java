package ${package}.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One operation of the API, and every place a client puts a value into it: the string fields of its
 * JSON body (with a value the operation accepts), its query parameters and its {@code {id}} segment.
 *
 * @param method the HTTP method
 * @param path the path, possibly with {@code {id}}
 * @param caller whose access token the request carries
 * @param fields the body's fields and valid values, in a fixed order (so that a seed replays); empty
 *     for an operation without a body
 * @param query the query parameters the operation reads
 */
record Endpoint(String method, String path, Caller caller, Map<String, String> fields, List<String> query) {
    /** Who calls: nobody, a signed-in user, or the admin. */
    enum Caller { ANONYMOUS, USER, ADMIN }

    /** The query parameters that hold whole numbers. */
    static final List<String> NUMERIC_PARAMETERS = List.of("limit");

    /** Returns body fields in the given order: name, valid value, name, valid value... */
    static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(fields);
    }

    /** Tells whether the operation reads a JSON body. */
    boolean hasBody() {
        return !fields.isEmpty();
    }

    /** Returns every slot of the operation: {@code /field}, {@code ?parameter} or {@code {id}}. */
    List<String> slots() {
        List<String> slots = new ArrayList<>();
        fields.keySet().forEach(field -> slots.add("/" + field));
        query.forEach(parameter -> slots.add("?" + parameter));
        if (path.contains("{id}")) {
            slots.add("{id}");
        }
        return slots;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
