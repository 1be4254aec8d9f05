package dev.mainstay.examples.realworld;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.examples.realworld.Operation.Place;
import dev.mainstay.examples.realworld.Operation.Slot;
import dev.mainstay.test.ForgedToken;
import dev.mainstay.test.HostileInput;
import dev.mainstay.test.HostileInput.Group;
import dev.mainstay.test.HostileInput.Kind;
import dev.mainstay.test.HostileInput.Variant;
import dev.mainstay.test.MainstayApp;
import dev.mainstay.test.StatusTally;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Hostile input against every RealWorld operation, on a real server and database: seeded random values of
 * every kind in every path segment, query parameter and string field, randomly broken bodies, and the fixed attacks
 * (oversized headers, URL and body, wrong content type, invalid UTF-8, deep nesting, paging overflow,
 * forged tokens). Every answer must be a 4xx in the spec's error format, or a 2xx that stored exactly
 * what was sent; never a 5xx or a stack trace; and the service must be ready afterwards.
 *
 * <p>The variants come from {@link HostileInput} with seed {@link #SEED}; a failure message names the
 * variant, its seed and its draw number. Replay another seed with {@code -Dmainstay.hostile.seed=N}.
 */
abstract class HostileSuite {
    static final long SEED = 20261129L;
    static final int BODY_VARIANTS = 120;
    private static final List<Operation> WITH_BODY =
            Operation.ALL.stream().filter(operation -> operation.body() != null).toList();

    /** Returns the app the test class started, from {@link ConduitContract#on}. */
    abstract MainstayApp app();

    /** Runs {@code scenario} on the class's app, then checks that the app is still ready. */
    void run(ConduitContract.Scenario scenario) {
        try {
            scenario.accept(new Conduit(app().client()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        HttpResponse<String> ready = app().client().admin().get("/health/ready");
        assertEquals(200, ready.statusCode(), "not ready after the attack: " + ready.body());
    }

    /**
     * Puts a random value of every string kind (and, where a number is read, of every number kind) in every
     * path segment, query parameter and string field of every operation; one without any gets an unknown
     * query parameter.
     */
    @Test
    void hostileValuesOfEveryKindInEveryPathSegmentQueryParameterAndStringField() {
        run(api -> {
            HostileFixture fixture = HostileFixture.create(api);
            HostileInput hostile = HostileInput.fromSystemProperty(SEED);
            Random choose = new Random(hostile.seed());
            List<Executable> attacks = new ArrayList<>();
            for (Operation operation : Operation.ALL) {
                List<Slot> slots = operation.slots().isEmpty()
                        ? List.of(new Slot(Place.QUERY, "unknown"))
                        : operation.slots();
                for (Slot slot : slots) {
                    List<Variant> values = new ArrayList<>();
                    Kind.of(Group.STRING).forEach(kind -> values.add(hostile.string(kind)));
                    if (slot.numeric()) {
                        Kind.of(Group.NUMBER).forEach(kind -> values.add(hostile.number(kind)));
                    }
                    for (Variant value : values) {
                        boolean signedIn = operation.auth() || choose.nextBoolean();
                        boolean raw = choose.nextBoolean();
                        attacks.add(() -> fixture.attack(operation, slot, value, signedIn, raw));
                    }
                }
            }
            StatusTally tally = new StatusTally(attacks.size() + " hostile values, seed " + hostile.seed());
            fixture.countInto(tally);
            try {
                assertAll(attacks.size() + " hostile values, seed " + hostile.seed(), attacks);
            } finally {
                tally.print();
            }
            fixture.assertNothingHalfWritten();
        });
    }

    @Test
    void randomlyBrokenBodiesOfEveryOperationThatReadsOne() {
        run(api -> {
            HostileFixture fixture = HostileFixture.create(api);
            HostileInput hostile = HostileInput.fromSystemProperty(SEED);
            List<Executable> attacks = new ArrayList<>();
            for (int i = 0; i < BODY_VARIANTS; i++) {
                Operation operation = WITH_BODY.get(i % WITH_BODY.size());
                Variant body = hostile.body(fixture.validBody(operation));
                attacks.add(() -> fixture.sendBody(operation, body));
            }
            StatusTally tally = new StatusTally(attacks.size() + " broken bodies, seed " + hostile.seed());
            fixture.countInto(tally);
            try {
                assertAll("broken bodies, seed " + hostile.seed(), attacks);
            } finally {
                tally.print();
            }
            fixture.assertNothingHalfWritten();
        });
    }

    @Test
    void deepNestingInEveryBodyIs422() {
        run(api -> {
            HostileFixture fixture = HostileFixture.create(api);
            HostileInput hostile = HostileInput.fromSystemProperty(SEED);
            List<Executable> attacks = new ArrayList<>();
            for (Operation operation : WITH_BODY) {
                String valid = fixture.validBody(operation);
                for (int depth : new int[] {101, 1_001, 10_000}) {
                    Variant body = hostile.deeplyNested(valid, depth);
                    attacks.add(() -> fixture.sendBody(operation, body, 422));
                }
            }
            assertAll("deep nesting, seed " + hostile.seed(), attacks);
            fixture.assertNothingHalfWritten();
        });
    }

    @Test
    void invalidUtf8InEveryBodyIs422() {
        run(api -> {
            HostileFixture fixture = HostileFixture.create(api);
            HostileInput hostile = HostileInput.fromSystemProperty(SEED);
            List<Executable> attacks = new ArrayList<>();
            for (Operation operation : WITH_BODY) {
                for (int i = 0; i < 4; i++) {
                    Variant body = hostile.body(fixture.validBody(operation), Kind.INVALID_UTF8);
                    attacks.add(() -> fixture.sendBody(operation, body, 422));
                }
            }
            assertAll("invalid UTF-8, seed " + hostile.seed(), attacks);
            fixture.assertNothingHalfWritten();
        });
    }

    @Test
    void aWrongOrMissingContentTypeIs415() {
        run(api -> {
            HostileFixture fixture = HostileFixture.create(api);
            for (Operation operation : WITH_BODY) {
                byte[] body = fixture.validBody(operation).getBytes(StandardCharsets.UTF_8);
                for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x", "application/jsonx", "json")) {
                    String sent = type + " body of " + operation;
                    HttpResponse<String> response = Hostile.send(sent, api, operation.method(), fixture.path(operation),
                            body, fixture.headers(operation, type));
                    Hostile.assertRejected(sent, 415, response);
                }
                HttpRequest.Builder untyped = api.http.request(fixture.path(operation), fixture.headers(operation))
                        .method(operation.method(), HttpRequest.BodyPublishers.ofByteArray(body));
                Hostile.assertRejected("untyped body of " + operation, 415, api.http.send(untyped));
            }
            fixture.assertNothingHalfWritten();
        });
    }

    @Test
    void aBodyOverTheLimitIs413WithOrWithoutAContentLength() {
        run(api -> {
            HostileFixture fixture = HostileFixture.create(api);
            Operation create = WITH_BODY.stream()
                    .filter(operation -> operation.toString().equals("POST /api/articles"))
                    .findFirst()
                    .orElseThrow();
            String valid = fixture.validBody(create);
            byte[] big = valid.replace("\"A body\"", "\"" + "a".repeat(1_100_000) + "\"")
                    .getBytes(StandardCharsets.UTF_8);
            Hostile.assertRejected("1.1 MB body", 413, Hostile.send(
                    "1.1 MB body", api, "POST", "/api/articles", big, fixture.headers(create, "application/json")));
            HttpRequest.Builder chunked = api.http.request("/api/articles", fixture.headers(create, "application/json"))
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)));
            Hostile.assertRejected("1.1 MB chunked body", 413, api.http.send(chunked));
            fixture.assertNothingHalfWritten();
        });
    }

    @Test
    void oversizedHeadersAre431AndAnOversizedUrlIs414() {
        run(api -> {
            HttpResponse<String> header = api.http.get("/api/articles", "X-Hostile", "a".repeat(64 * 1024));
            assertEquals(431, header.statusCode(), Hostile.describe("64 KB header", header));
            Hostile.assertNoStackTrace("64 KB header", header);
            HttpResponse<String> url = api.http.get("/api/articles?tag=" + "a".repeat(70_000));
            assertEquals(414, url.statusCode(), Hostile.describe("70 KB URL", url));
            Hostile.assertNoStackTrace("70 KB URL", url);
        });
    }

    @Test
    void pagingOutOfRangeIs422NamingTheParameter() {
        run(api -> {
            Conduit.Account reader = api.register("reader");
            List<String> values = List.of("-1", "-2147483648", "2147483647", "2147483648", "-2147483649",
                    "9223372036854775808", "1" + "0".repeat(400), "1e3", "1.5", "NaN", "0x10", "1_000", "--1",
                    "\u0661\u0662", "%00");
            List<Executable> attacks = new ArrayList<>();
            for (String path : List.of("/api/articles", "/api/articles/feed")) {
                for (String parameter : List.of("limit", "offset")) {
                    for (String value : values) {
                        String target = path + "?" + parameter + "=" + Hostile.encode(value);
                        attacks.add(() -> {
                            HttpResponse<String> response = api.http.get(target, reader.auth());
                            Hostile.assertRejected(target, 422, response);
                            assertTrue(response.body().contains(parameter), Hostile.describe(target, response));
                        });
                    }
                }
            }
            assertAll("paging", attacks);
        });
    }

    @Test
    void traversalAndBrokenEscapesInThePathAre4xx() {
        run(api -> {
            List<String> paths = List.of("/api/articles/..%2f..%2fetc%2fpasswd", "/api/articles/%2e%2e/%2e%2e/etc/passwd",
                    "/api/profiles/%00", "/api/articles/%FF", "/api/articles/%C0%AF", "/api/articles/%ED%A0%80",
                    "/api/profiles/..", "/api/articles/x/../../../../etc/passwd", "/api/articles/%252e%252e");
            StatusTally tally = new StatusTally(paths.size() + " traversal paths and broken escapes");
            try {
                for (String path : paths) {
                    HttpResponse<String> response = api.http.get(path);
                    tally.add(response.statusCode());
                    String context = Hostile.describe(path, response);
                    assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, context);
                    Hostile.assertNoStackTrace(context, response);
                }
            } finally {
                tally.print();
            }
        });
    }

    @Test
    void forgedMalformedAndExpiredTokensAre401OnEveryOperationThatNeedsOne() {
        run(api -> {
            HostileFixture fixture = HostileFixture.create(api);
            String token = fixture.writer().token();
            ForgedToken real = ForgedToken.of(token);
            byte[] secret = app().randomKey("security.jwt.secret");
            String otherId = ForgedToken.of(fixture.changer().token()).claims().path("sub").asText();
            long now = Instant.now().getEpochSecond();
            Map<String, String> forged = new LinkedHashMap<>();
            forged.put("alg none", real.withHeader("alg", "none").unsigned());
            forged.put("alg none, signature kept", real.withHeader("alg", "none").withOriginalSignature());
            forged.put("payload changed to another user", real.withClaim("sub", otherId).withOriginalSignature());
            forged.put("truncated signature", token.substring(0, token.length() - 4));
            forged.put("no signature part", token.substring(0, token.lastIndexOf('.')));
            forged.put("header only", token.substring(0, token.indexOf('.')));
            forged.put("a trailing dot", token + ".");
            forged.put("four parts", token + ".e30");
            forged.put("doubled dots", token.replace(".", ".."));
            forged.put("expired an hour ago", real.withClaim("exp", now - 3600).signedWithHmac(secret));
            forged.put("not valid for an hour", real.withClaim("nbf", now + 3600).signedWithHmac(secret));
            forged.put("signed by another key", real.signedWithOtherKey());
            forged.put("HS512 by the right key", real.withHeader("alg", "HS512").signedWithHmac(secret));
            forged.put("an unknown kid", real.withHeader("kid", "other").signedWithHmac(secret));
            forged.put("another audience", real.withClaim("aud", "other").signedWithHmac(secret));
            forged.put("another issuer", real.withClaim("iss", "other").signedWithHmac(secret));
            forged.put("a subject that is no id", real.withClaim("sub", "1 OR 1=1").signedWithHmac(secret));
            forged.put("a subject that overflows",
                    real.withClaim("sub", "9223372036854775808").signedWithHmac(secret));
            forged.put("the subject of no user", real.withClaim("sub", "987654321").signedWithHmac(secret));
            forged.put("not base64", "!!!.???.###");
            forged.put("nothing", "");
            Map<String, String> headers = new LinkedHashMap<>();
            forged.forEach((attack, forgery) -> headers.put("a token with " + attack, "Token " + forgery));
            for (String header : List.of("Bearer " + token, "Token", token, "Basic amFrZTpqYWtl")) {
                headers.put("Authorization: " + header, header);
            }
            long needing = Operation.ALL.stream().filter(Operation::auth).count();
            StatusTally guarded = new StatusTally("forged tokens, " + headers.size() + " headers on the " + needing
                    + " operations that need a token");
            StatusTally open = new StatusTally("forged tokens, " + headers.size() + " headers on the "
                    + (Operation.ALL.size() - needing) + " public operations");
            List<Executable> attacks = new ArrayList<>();
            for (Map.Entry<String, String> header : headers.entrySet()) {
                for (Operation operation : Operation.ALL) {
                    String sent = header.getKey() + " on " + operation;
                    attacks.add(() -> {
                        HttpResponse<String> response = fixture.sendValid(operation, "Authorization", header.getValue());
                        (operation.auth() ? guarded : open).add(response.statusCode());
                        if (operation.auth()) {
                            Hostile.assertRejected(sent, 401, response);
                        } else {
                            Hostile.assertHandled(sent, response);
                        }
                    });
                }
            }
            try {
                assertAll("forged tokens", attacks);
            } finally {
                guarded.print();
                open.print();
            }
            fixture.assertNothingHalfWritten();
        });
    }
}
