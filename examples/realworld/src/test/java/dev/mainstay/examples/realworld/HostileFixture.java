package dev.mainstay.examples.realworld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mainstay.examples.realworld.Operation.Place;
import dev.mainstay.examples.realworld.Operation.Slot;
import dev.mainstay.test.HostileInput.Kind;
import dev.mainstay.test.HostileInput.Variant;
import dev.mainstay.test.StatusTally;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The world a hostile-input test attacks: a writer with one article and one comment, a user whose
 * settings the attacks change, a profile to follow, and what the database should hold afterwards.
 *
 * <p>Each attack puts one hostile value in one slot of one operation and fills every other slot with a
 * valid value, so a rejection can only be caused by the hostile value. An accepted value must come
 * back exactly as sent, from the answer and from a fresh read.
 */
final class HostileFixture {
    private static final AtomicInteger TITLES = new AtomicInteger();

    private final Conduit api;
    private final Conduit.Account writer;
    private Conduit.Account changer;
    private final Conduit.Account followed;
    private final Set<String> expectedTags = new HashSet<>();
    private String slug;
    private long commentId;
    private int articles;

    private HostileFixture(Conduit api) {
        this.api = api;
        this.writer = api.register("writer");
        this.changer = api.register("changer");
        this.followed = api.register("followed");
    }

    /** Registers the users and writes the article and comment the attacks aim at. */
    static HostileFixture create(Conduit api) {
        HostileFixture fixture = new HostileFixture(api);
        api.json(api.http.get("/api/tags")).path("tags").forEach(tag -> fixture.expectedTags.add(tag.asText()));
        fixture.created(api.createArticle(fixture.writer, "Fixture", List.of("fixture")));
        HttpResponse<String> comment = api.http.post("/api/articles/" + fixture.slug + "/comments",
                Map.of("comment", Map.of("body", "first")), fixture.writer.auth());
        assertEquals(200, comment.statusCode(), comment.body());
        fixture.commentId = api.json(comment).path("comment").path("id").asLong();
        return fixture;
    }

    /** Counts the statuses of {@link #attack} and {@link #sendBody(Operation, Variant)}; none until set. */
    private StatusTally tally = new StatusTally("not printed");

    /** Makes {@link #attack} and {@link #sendBody(Operation, Variant)} count their answers' statuses in {@code tally}. */
    void countInto(StatusTally tally) {
        this.tally = tally;
    }

    /** Returns the user who wrote the fixture's article and comment. */
    Conduit.Account writer() {
        return writer;
    }

    /** Returns the user whose settings {@code PUT /api/user} changes. */
    Conduit.Account changer() {
        return changer;
    }

    /** Sends {@code operation} with valid values everywhere and only the given headers (no token of its own). */
    HttpResponse<String> sendValid(Operation operation, String... headers) {
        byte[] body = operation.body() == null ? null : validBody(operation).getBytes(StandardCharsets.UTF_8);
        return Hostile.send(operation.toString(), api, operation.method(), path(operation), body, headers);
    }

    /** Returns the body of {@code operation} with a valid, fresh value in every field. */
    String validBody(Operation operation) {
        return operation.body(validFields());
    }

    /**
     * Sends {@code operation} with {@code value} in {@code slot} and valid values elsewhere, and checks the answer.
     *
     * @param signedIn whether to send the token of the user the operation acts for
     * @param raw whether to put a path-traversal value in the path unencoded (when it is a legal URI)
     */
    void attack(Operation operation, Slot slot, Variant value, boolean signedIn, boolean raw) {
        Map<String, String> path = validPath();
        Map<String, String> fields = validFields();
        String query = "";
        switch (slot.place()) {
            case PATH -> path.put(slot.name(), raw && isLegalPath(value) ? value.text() : Hostile.encode(value.text()));
            case QUERY -> query = "?" + slot.name() + "=" + Hostile.encode(value.text());
            case BODY -> fields.put(slot.name(), value.json());
        }
        byte[] body = operation.body() == null ? null : operation.body(fields).getBytes(StandardCharsets.UTF_8);
        String sent = value + " in " + slot.place() + " " + slot.name() + " of " + operation
                + (signedIn ? ", signed in" : ", signed out");
        HttpResponse<String> response = Hostile.send(sent, api, operation.method(), operation.path(path) + query, body,
                signedIn ? headers(operation) : new String[0]);
        tally.add(response.statusCode());
        Hostile.assertHandled(sent, response);
        if (response.statusCode() < 300) {
            accepted(operation, response);
            if (slot.place() == Place.BODY) {
                assertStoredAsSent(operation, slot.name(), value.text(), response, sent);
            }
        }
    }

    /** Sends {@code body} as the body of {@code operation} (valid path, token) and checks the answer. */
    void sendBody(Operation operation, Variant body) {
        String sent = body + " as the body of " + operation;
        HttpResponse<String> response =
                Hostile.send(sent, api, operation.method(), path(operation), body.bytes(), headers(operation));
        tally.add(response.statusCode());
        Hostile.assertHandled(sent, response);
        if (response.statusCode() < 300) {
            accepted(operation, response);
        }
    }

    /** Like {@link #sendBody(Operation, Variant)}, and asserts the status. */
    void sendBody(Operation operation, Variant body, int status) {
        String sent = body + " as the body of " + operation;
        HttpResponse<String> response =
                Hostile.send(sent, api, operation.method(), path(operation), body.bytes(), headers(operation));
        Hostile.assertRejected(sent, status, response);
    }

    /** Returns the path of {@code operation} with valid values. */
    String path(Operation operation) {
        return operation.path(validPath());
    }

    /** Returns the token header of the user {@code operation} acts for, and {@code Content-Type} if given. */
    String[] headers(Operation operation, String... contentType) {
        String[] token = operation.toString().equals("PUT /api/user") ? changer.auth() : writer.auth();
        return contentType.length == 0 ? token : new String[] {token[0], token[1], "Content-Type", contentType[0]};
    }

    /** Asserts that rejected requests left nothing behind: the writer's articles and the tags are as expected. */
    void assertNothingHalfWritten() {
        JsonNode list = api.json(api.http.get("/api/articles?limit=100&author=" + Hostile.encode(writer.username())));
        assertEquals(articles, list.path("articlesCount").asInt(), "articles of the writer: " + list);
        JsonNode tags = api.json(api.http.get("/api/tags")).path("tags");
        tags.forEach(tag -> assertTrue(expectedTags.contains(tag.asText()), "unexpected tag " + tag + " in " + tags));
    }

    /** Keeps count of what an accepted request wrote. */
    private void accepted(Operation operation, HttpResponse<String> response) {
        JsonNode article = api.json(response).path("article");
        switch (operation.toString()) {
            case "POST /api/articles" -> {
                articles++;
                article.path("tagList").forEach(tag -> expectedTags.add(tag.asText()));
            }
            case "PUT /api/articles/{slug}" -> slug = article.path("slug").asText();
            case "DELETE /api/articles/{slug}" -> articles--;
            // A new password or e-mail revokes the old token; the answer carries the one to go on with.
            case "PUT /api/user" -> changer = new Conduit.Account(
                    changer.username(), changer.email(), api.json(response).path("user").path("token").asText());
            default -> {}
        }
    }

    private void created(JsonNode article) {
        articles++;
        slug = article.path("slug").asText();
        article.path("tagList").forEach(tag -> expectedTags.add(tag.asText()));
    }

    /** Asserts that an accepted string field comes back exactly as sent, in the answer and in a fresh read. */
    private void assertStoredAsSent(Operation operation, String field, String sent, HttpResponse<String> response,
            String context) {
        JsonNode answer = api.json(response);
        switch (operation.toString()) {
            case "POST /api/articles", "PUT /api/articles/{slug}" -> {
                String path = "/api/articles/" + Hostile.encode(answer.path("article").path("slug").asText());
                JsonNode reread = api.json(api.http.get(path)).path("article");
                for (JsonNode article : List.of(answer.path("article"), reread)) {
                    if (field.equals("tag")) {
                        assertEquals(List.of(sent.trim()), texts(article.path("tagList")), context);
                    } else {
                        assertEquals(sent, article.path(field).textValue(), context);
                    }
                }
            }
            case "POST /api/articles/{slug}/comments" -> {
                assertEquals(sent, answer.path("comment").path("body").textValue(), context);
                JsonNode comments = api.json(api.http.get("/api/articles/" + Hostile.encode(slug) + "/comments"));
                assertTrue(texts(comments.path("comments").findValues("body")).contains(sent), context);
            }
            case "PUT /api/user" -> {
                if (List.of("username", "bio", "image").contains(field)) {
                    String expected = !field.equals("username") && sent.isBlank() ? null : sent;
                    assertEquals(expected, answer.path("user").path(field).textValue(), context);
                    JsonNode reread = api.json(api.http.get("/api/user", changer.auth())).path("user");
                    assertEquals(expected, reread.path(field).textValue(), context);
                }
            }
            case "POST /api/users" -> {
                if (field.equals("username")) {
                    assertEquals(sent, answer.path("user").path("username").textValue(), context);
                    JsonNode profile = api.json(api.http.get("/api/profiles/" + Hostile.encode(sent)));
                    assertEquals(sent, profile.path("profile").path("username").textValue(), context);
                }
            }
            default -> {}
        }
    }

    private Map<String, String> validPath() {
        Map<String, String> values = new HashMap<>();
        values.put("slug", Hostile.encode(slug));
        values.put("username", Hostile.encode(followed.username()));
        values.put("id", Long.toString(commentId));
        return values;
    }

    /** Returns a JSON string literal for every body field: fresh, valid and unique where it must be. */
    private static Map<String, String> validFields() {
        String unique = Conduit.uniqueName("h");
        Map<String, String> values = new HashMap<>();
        values.put("username", unique);
        values.put("email", unique + "@example.com");
        values.put("password", Conduit.PASSWORD);
        values.put("title", "Title " + TITLES.incrementAndGet());
        values.put("description", "A description");
        values.put("body", "A body");
        values.put("tag", "hostile");
        values.put("bio", "A bio");
        values.put("image", "https://example.com/me.png");
        values.replaceAll((field, value) -> "\"" + value + "\"");
        return values;
    }

    private static boolean isLegalPath(Variant value) {
        if (value.kind() != Kind.PATH_TRAVERSAL) {
            return false;
        }
        try {
            return URI.create("http://localhost/api/" + value.text()).getRawPath() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static List<String> texts(Iterable<JsonNode> nodes) {
        List<String> texts = new ArrayList<>();
        nodes.forEach(node -> texts.add(node.textValue()));
        return texts;
    }
}
