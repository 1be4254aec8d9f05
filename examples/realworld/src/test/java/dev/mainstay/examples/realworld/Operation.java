package dev.mainstay.examples.realworld;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One RealWorld operation as the hostile-input tests see it: where a value can go (path segments, query
 * parameters, string fields of the JSON body) and whether it needs a token.
 *
 * @param method the HTTP method
 * @param path the path template, e.g. {@code /api/articles/{slug}/comments/{id}}
 * @param query the query parameters it reads
 * @param body the JSON body template, every string field written {@code "$name"}; {@code null} for none
 * @param auth whether the route requires a token (else it is public or reads one if present)
 */
record Operation(String method, String path, List<String> query, String body, boolean auth) {
    private static final Pattern PATH_PARAM = Pattern.compile("\\{(\\w+)}");
    private static final Pattern BODY_FIELD = Pattern.compile("\"\\$(\\w+)\"");

    /** The spec's 19 operations. */
    static final List<Operation> ALL = List.of(
            new Operation("POST", "/api/users/login", List.of(), "{\"user\":{\"email\":\"$email\",\"password\":\"$password\"}}", false),
            new Operation("POST", "/api/users", List.of(),
                    "{\"user\":{\"username\":\"$username\",\"email\":\"$email\",\"password\":\"$password\"}}", false),
            new Operation("GET", "/api/user", List.of(), null, true),
            new Operation("PUT", "/api/user", List.of(), "{\"user\":{\"email\":\"$email\",\"username\":\"$username\","
                    + "\"password\":\"$password\",\"bio\":\"$bio\",\"image\":\"$image\"}}", true),
            new Operation("GET", "/api/profiles/{username}", List.of(), null, false),
            new Operation("POST", "/api/profiles/{username}/follow", List.of(), null, true),
            new Operation("DELETE", "/api/profiles/{username}/follow", List.of(), null, true),
            new Operation("GET", "/api/articles", List.of("tag", "author", "favorited", "limit", "offset"), null, false),
            new Operation("GET", "/api/articles/feed", List.of("limit", "offset"), null, true),
            new Operation("POST", "/api/articles", List.of(), "{\"article\":{\"title\":\"$title\","
                    + "\"description\":\"$description\",\"body\":\"$body\",\"tagList\":[\"$tag\"]}}", true),
            new Operation("GET", "/api/articles/{slug}", List.of(), null, false),
            new Operation("PUT", "/api/articles/{slug}", List.of(),
                    "{\"article\":{\"title\":\"$title\",\"description\":\"$description\",\"body\":\"$body\"}}", true),
            new Operation("DELETE", "/api/articles/{slug}", List.of(), null, true),
            new Operation("POST", "/api/articles/{slug}/favorite", List.of(), null, true),
            new Operation("DELETE", "/api/articles/{slug}/favorite", List.of(), null, true),
            new Operation("GET", "/api/articles/{slug}/comments", List.of(), null, false),
            new Operation("POST", "/api/articles/{slug}/comments", List.of(), "{\"comment\":{\"body\":\"$body\"}}", true),
            new Operation("DELETE", "/api/articles/{slug}/comments/{id}", List.of(), null, true),
            new Operation("GET", "/api/tags", List.of(), null, false));

    /** Where a hostile value goes: a path parameter, a query parameter or a body field. */
    enum Place {
        PATH,
        QUERY,
        BODY
    }

    /**
     * One place of one operation.
     *
     * @param place path, query or body
     * @param name the parameter's or field's name
     */
    record Slot(Place place, String name) {
        /** Whether the operation reads this slot as a number. */
        boolean numeric() {
            return List.of("limit", "offset", "id").contains(name);
        }
    }

    /** Returns every place of this operation that takes a value. */
    List<Slot> slots() {
        List<Slot> slots = new ArrayList<>();
        names(PATH_PARAM, path).forEach(name -> slots.add(new Slot(Place.PATH, name)));
        query.forEach(name -> slots.add(new Slot(Place.QUERY, name)));
        if (body != null) {
            names(BODY_FIELD, body).forEach(name -> slots.add(new Slot(Place.BODY, name)));
        }
        return slots;
    }

    /** Returns the path with each {@code {name}} replaced by the already URL-encoded value. */
    String path(Map<String, String> encodedValues) {
        return PATH_PARAM.matcher(path).replaceAll(m -> Matcher.quoteReplacement(encodedValues.get(m.group(1))));
    }

    /** Returns the body with each {@code "$name"} replaced by the JSON literal given for it. */
    String body(Map<String, String> jsonLiterals) {
        return BODY_FIELD.matcher(body).replaceAll(m -> Matcher.quoteReplacement(jsonLiterals.get(m.group(1))));
    }

    @Override
    public String toString() {
        return method + " " + path;
    }

    private static List<String> names(Pattern pattern, String text) {
        List<String> names = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
