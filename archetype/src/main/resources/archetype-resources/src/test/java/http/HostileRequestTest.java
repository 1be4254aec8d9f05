package ${package}.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ${package}.App;
import dev.mainstay.test.HostileInput;
import dev.mainstay.test.HostileInput.Kind;
import dev.mainstay.test.HostileInput.Variant;
import dev.mainstay.test.MainstayApp;
import dev.mainstay.test.database.DatabaseServer;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fixed hostile requests, each against every endpoint it applies to: a body over the limit, a wrong
 * content type, invalid UTF-8, 10,000-deep nesting, an oversized header and URL, paging parameters out
 * of range and forged cursors. {@link HostileInputTest} sends the random ones.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileRequestTest extends ApiContract {
    /** The body limit of this class's service, stated here rather than taken from the default. */
    private static final int BODY_LIMIT = 1024 * 1024;

    @RegisterExtension
    static final MainstayApp APP = MainstayApp.of(App::configure)
            .with("http.max-body-size", Integer.toString(BODY_LIMIT))
            .database(DatabaseServer.H2);

    private Session user;
    private Session admin;
    private String noteId;

    /** A request whose body the service reads as JSON, with a body it accepts. */
    private record BodyRequest(String method, String path, String token, String validBody) {}

    @Override
    protected MainstayApp app() {
        return APP;
    }

    @BeforeAll
    void start() {
        user = newSession();
        admin = login(null, AdminContract.ADMIN_EMAIL, AdminContract.ADMIN_PASSWORD);
        noteId = json(post("/api/notes", user.accessToken(), "{\"title\":\"A note\"}")).path("id").asText();
    }

    @AfterEach
    void isStillReady() {
        assertEquals(200, get("/health/ready", null).statusCode(), "not ready after the attack");
    }

    /**
     * A body one byte over {@code http.max-body-size} gets 413 on every endpoint that reads one, sent as
     * any client sends it: no {@code Expect: 100-continue}, on a connection of its own because the server
     * closes it after the answer. The service refuses by the declared length, while the client is still
     * sending; Mainstay reads and discards a bounded rest of the body before it answers, so the client
     * reads the 413 instead of a reset (issue 13's flaky failure, "header parser received no bytes").
     */
    @Test
    void refusesABodyOverTheLimitWith413() {
        for (BodyRequest request : bodyRequests()) {
            String padding = " ".repeat(BODY_LIMIT + 1 - request.validBody().length());
            HttpRequest.Builder overLimit = client(request.token()).request(request.path())
                    .header("Content-Type", "application/json")
                    .method(request.method(), BodyPublishers.ofString(request.validBody() + padding));

            assertProblem(413, app().client().sendAlone(overLimit));
        }
    }

    @Test
    void refusesAWrongContentTypeWith415() {
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
            HttpRequest.Builder request = client(user.accessToken()).request("/api/notes")
                    .header("Content-Type", type)
                    .POST(BodyPublishers.ofString("{\"title\":\"t\"}"));

            assertProblem(415, app().client().send(request));
        }
    }

    /**
     * Jackson refuses most invalid UTF-8 with a 400, but decodes a few sequences (such as {@code F4 90 80
     * 80}, past U+10FFFF) into text; that text then fails the endpoint's own checks, so any 4xx will do.
     */
    @Test
    void refusesInvalidUtf8InEveryBody() {
        HostileInput hostile = HostileInput.seeded(HostileInputTest.SEED);
        for (BodyRequest request : bodyRequests()) {
            assertRefused(request, hostile.body(request.validBody(), Kind.INVALID_UTF8));
        }
    }

    @Test
    void refusesTenThousandDeepNestingInEveryBodyWith400() {
        HostileInput hostile = HostileInput.seeded(HostileInputTest.SEED);
        for (BodyRequest request : bodyRequests()) {
            Variant nested = hostile.deeplyNested(request.validBody(), 10_000);
            assertEquals(400, assertRefused(request, nested).statusCode(), request.path() + " with " + nested);
        }
    }

    @Test
    void refusesAnOversizedHeaderAndUrl() {
        HttpResponse<String> header = app().client().sendAlone(client(user.accessToken()).request("/api/me")
                .header("X-Padding", "a".repeat(64 * 1024)));
        HttpResponse<String> url =
                app().client().sendAlone(client(user.accessToken()).request("/api/notes?cursor=" + "a".repeat(64 * 1024)));

        assertEquals(431, header.statusCode());
        assertEquals(414, url.statusCode());
        HostileInputTest.assertHandled("a 64 KB header", header);
        HostileInputTest.assertHandled("a 64 KB URL", url);
    }

    @Test
    void jettyAnswersAreProblemsToo() {
        assertProblem(431, app().client().sendAlone(client(user.accessToken()).request("/api/me")
                .header("X-Padding", "a".repeat(64 * 1024))));
        assertProblem(414, app().client().sendAlone(
                client(user.accessToken()).request("/api/notes?cursor=" + "a".repeat(64 * 1024))));
        assertProblem(400, app().client().sendAlone(client(user.accessToken()).request("/api/notes/a%00b")));
    }

    /** A limit is ASCII digits only: no sign, no other script's digits (U+0665 is an Arabic-Indic 5). */
    @Test
    void clampsPagingLimitsThatFitAndRefusesOthersNamingTheParameter() {
        for (String path : List.of("/api/notes", "/api/admin/users")) {
            String token = path.contains("admin") ? admin.accessToken() : user.accessToken();
            for (String limit : List.of("0", "1", "100", "999999999")) {
                HttpResponse<String> page = get(path + "?limit=" + limit, token);
                assertEquals(200, page.statusCode(), path + "?limit=" + limit + ": " + page.body());
                assertTrue(json(page).path("items").size() <= 100, page.body());
            }
            for (String limit : List.of("-1", "+5", "%D9%A5", "2147483648", "99999999999999999999", "1e3", "1.5", "0x10")) {
                HttpResponse<String> refused = get(path + "?limit=" + limit, token);
                assertEquals(List.of("?limit"), pointers(assertProblem(400, refused)), path + "?limit=" + limit);
            }
        }
    }

    @Test
    void refusesForgedCursorsNamingTheParameter() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        List<String> cursors = List.of(
                "bm9wZQ", "%25%25%25", "AAAA", "a".repeat(4000),
                base64.encodeToString("{\"id\":1}".getBytes(StandardCharsets.UTF_8)),
                base64.encodeToString("' OR '1'='1".getBytes(StandardCharsets.UTF_8)),
                base64.encodeToString(new byte[] {(byte) 0xC3, (byte) 0x28, 0, -1}));
        for (String path : List.of("/api/notes", "/api/admin/users")) {
            String token = path.contains("admin") ? admin.accessToken() : user.accessToken();
            for (String cursor : cursors) {
                HttpResponse<String> refused = get(path + "?cursor=" + cursor, token);
                assertEquals(List.of("?cursor"), pointers(assertProblem(400, refused)), path + "?cursor=" + cursor);
            }
        }
    }

    private List<BodyRequest> bodyRequests() {
        String credentials = "{\"email\":\"" + uniqueEmail() + "\",\"password\":\"" + PASSWORD + "\"}";
        String refresh = "{\"refreshToken\":\"" + user.refreshToken() + "\"}";
        String note = "{\"title\":\"Title\",\"body\":\"Body\"}";
        return List.of(
                new BodyRequest("POST", "/api/auth/register", null, credentials),
                new BodyRequest("POST", "/api/auth/login", null, credentials),
                new BodyRequest("POST", "/api/auth/refresh", null, refresh),
                new BodyRequest("POST", "/api/auth/logout", user.accessToken(), refresh),
                new BodyRequest("POST", "/api/notes", user.accessToken(), note),
                new BodyRequest("PUT", "/api/notes/" + noteId, user.accessToken(), note));
    }

    /** Sends {@code body} to {@code request}'s endpoint, checks it is refused with a 4xx problem, and returns the answer. */
    private HttpResponse<String> assertRefused(BodyRequest request, Variant body) {
        HttpResponse<String> response = app().client().send(client(request.token()).request(request.path())
                .header("Content-Type", "application/json")
                .method(request.method(), BodyPublishers.ofByteArray(body.bytes())));
        String sent = request.method() + " " + request.path() + " with " + body;
        assertTrue(response.statusCode() >= 400, sent + " -> " + response.statusCode() + " " + response.body());
        HostileInputTest.assertHandled(sent, response);
        return response;
    }
}
