package ${package}.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mainstay.test.TestClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code /api/notes} and {@code /api/notes/{id}}. */
abstract class NotesContract extends ApiContract {

    @Test
    void createsANoteWithItsLocation() {
        Session session = newSession();

        HttpResponse<String> response = post("/api/notes", session.accessToken(), note("Groceries", "Milk"));

        assertEquals(201, response.statusCode(), response.body());
        JsonNode note = json(response);
        assertEquals("/api/notes/" + note.path("id").asText(), response.headers().firstValue("Location").orElse(""));
        assertEquals("Groceries", note.path("title").asText());
        assertEquals("Milk", note.path("body").asText());
        assertEquals(note.path("createdAt"), note.path("updatedAt"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstNoteAndWritesNoSecond() {
        Session session = newSession();
        TestClient client = client(session.accessToken()).withHeaders("Idempotency-Key", UUID.randomUUID().toString());

        HttpResponse<String> first = client.post("/api/notes", note("Once", "only"));
        HttpResponse<String> retry = client.post("/api/notes", note("Once", "only"));

        assertEquals(201, first.statusCode(), first.body());
        assertEquals(201, retry.statusCode(), retry.body());
        assertEquals(json(first).path("id"), json(retry).path("id"));
        assertEquals("true", retry.headers().firstValue("Idempotent-Replayed").orElse(""));
        assertEquals(1, json(get("/api/notes", session.accessToken())).path("items").size());
        assertProblem(422, client.post("/api/notes", note("Another", "body")));
    }

    @Test
    void refusesABlankTitleAndAnOverlongBodyNamingBoth() {
        Session session = newSession();

        JsonNode problem = assertProblem(422, post("/api/notes", session.accessToken(), note(" ", "b".repeat(10_001))));

        assertEquals(List.of("/title", "/body"), pointers(problem));
    }

    @Test
    void refusesATitleOf201Characters() {
        Session session = newSession();

        JsonNode problem = assertProblem(422, post("/api/notes", session.accessToken(), note("t".repeat(201), "")));

        assertEquals(List.of("/title"), pointers(problem));
    }

    @Test
    void storesEmojiTitlesOfTwoHundredCharacters() {
        Session session = newSession();
        String title = "\uD83D\uDE00".repeat(200);

        HttpResponse<String> response = post("/api/notes", session.accessToken(), note(title, ""));

        assertEquals(201, response.statusCode(), response.body());
        assertEquals(title, json(response).path("title").asText());
    }

    @Test
    void refusesAWrongJsonTypeWith400() {
        Session session = newSession();

        assertProblem(400, post("/api/notes", session.accessToken(), "{\"title\":[1,2]}"));
    }

    @Test
    void readsReplacesAndDeletesAnOwnNote() {
        Session session = newSession();
        String path = "/api/notes/" + create(session, "Draft").path("id").asText();

        assertEquals("Draft", json(get(path, session.accessToken())).path("title").asText());

        HttpResponse<String> replaced = put(path, session.accessToken(), note("Final", "Done"));
        assertEquals(200, replaced.statusCode(), replaced.body());
        assertEquals("Final", json(replaced).path("title").asText());
        assertEquals("Done", json(get(path, session.accessToken())).path("body").asText());

        assertEquals(204, delete(path, session.accessToken()).statusCode());
        assertProblem(404, get(path, session.accessToken()));
    }

    @Test
    void refusesAnInvalidReplacementAndKeepsTheNote() {
        Session session = newSession();
        String path = "/api/notes/" + create(session, "Keep me").path("id").asText();

        assertProblem(422, put(path, session.accessToken(), note("", "")));

        assertEquals("Keep me", json(get(path, session.accessToken())).path("title").asText());
    }

    @Test
    void hidesAnotherUsersNoteBehind404() {
        Session owner = newSession();
        Session other = newSession();
        String path = "/api/notes/" + create(owner, "Private").path("id").asText();

        assertProblem(404, get(path, other.accessToken()));
        assertProblem(404, put(path, other.accessToken(), note("Mine now", "")));
        assertProblem(404, delete(path, other.accessToken()));
        assertEquals("Private", json(get(path, owner.accessToken())).path("title").asText());
    }

    @Test
    void answersAnUnknownOrMalformedIdWith404() {
        Session session = newSession();

        assertProblem(404, get("/api/notes/" + UUID.randomUUID(), session.accessToken()));
        assertProblem(404, get("/api/notes/not-a-uuid", session.accessToken()));
    }

    @Test
    void listsOnlyTheCallersNotesNewestFirstPageByPage() {
        Session session = newSession();
        Session other = newSession();
        create(other, "Not mine");
        List<String> created = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            created.add(0, create(session, "Note " + i).path("id").asText());
        }

        List<String> listed = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = list(session, "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            page.path("items").forEach(item -> listed.add(item.path("id").asText()));
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
            pages++;
        } while (cursor != null && pages < 10);

        assertEquals(created, listed);
        assertEquals(3, pages);
    }

    @Test
    void listsTwentyNotesByDefault() {
        Session session = newSession();
        for (int i = 0; i < 21; i++) {
            create(session, "Note " + i);
        }

        JsonNode page = list(session, "");

        assertEquals(20, page.path("items").size());
        assertTrue(page.path("nextCursor").isTextual());
    }

    @Test
    void answersAnEmptyListWithANullCursor() {
        JsonNode page = list(newSession(), "");

        assertEquals(0, page.path("items").size());
        assertTrue(page.path("nextCursor").isNull(), page.toString());
    }

    @Test
    void clampsTheLimitIntoOneToHundred() {
        Session session = newSession();
        create(session, "First");
        create(session, "Second");

        assertEquals(1, list(session, "?limit=0").path("items").size());
        assertEquals(2, list(session, "?limit=1000").path("items").size());
    }

    @Test
    void refusesALimitThatIsNotANumber() {
        Session session = newSession();

        assertEquals(List.of("?limit"), pointers(assertProblem(400, get("/api/notes?limit=ten", session.accessToken()))));
    }

    @Test
    void refusesATamperedCursor() {
        Session session = newSession();

        assertEquals(List.of("?cursor"), pointers(assertProblem(400, get("/api/notes?cursor=bm9wZQ", session.accessToken()))));
    }

    @Test
    void needsAnAccessToken() {
        assertProblem(401, get("/api/notes", null));
        assertProblem(401, post("/api/notes", null, note("t", "b")));
    }

    private JsonNode create(Session session, String title) {
        HttpResponse<String> response = post("/api/notes", session.accessToken(), note(title, "body of " + title));
        assertEquals(201, response.statusCode(), response.body());
        return json(response);
    }

    private JsonNode list(Session session, String query) {
        HttpResponse<String> response = get("/api/notes" + query, session.accessToken());
        assertEquals(200, response.statusCode(), response.body());
        return json(response);
    }

    private static Map<String, String> note(String title, String body) {
        return Map.of("title", title, "body", body);
    }
}
