package dev.mainstay.test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.mainstay.test.HostileInput.Group;
import dev.mainstay.test.HostileInput.Kind;
import dev.mainstay.test.HostileInput.Variant;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HostileInputTest {
    private static final String DOCUMENT =
            "{\"user\":{\"email\":\"jake@jake.jake\",\"password\":\"jakejake\",\"tags\":[\"a\",\"b\"],"
                    + "\"age\":3,\"admin\":false}}";
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");
    /** Strict: no trailing tokens, no comments, no single quotes, no NaN (Jackson's defaults for the rest). */
    private static final ObjectMapper STRICT =
            JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    @Test
    void theSameSeedDrawsTheSameSequence() {
        assertEquals(draw(HostileInput.seeded(7), 300), draw(HostileInput.seeded(7), 300));
        assertNotEquals(draw(HostileInput.seeded(7), 300), draw(HostileInput.seeded(8), 300));
    }

    @Test
    void everyKindIsDrawnAtRandomAndNamesItsGroup() {
        HostileInput hostile = HostileInput.seeded(1);
        Set<Kind> seen = EnumSet.noneOf(Kind.class);
        for (int i = 0; i < 300; i++) {
            seen.add(hostile.string().kind());
            seen.add(hostile.number().kind());
            seen.add(hostile.body(DOCUMENT).kind());
        }
        assertEquals(EnumSet.allOf(Kind.class), seen);
        assertEquals(List.of(Kind.OVERFLOW, Kind.NEGATIVE, Kind.HUGE, Kind.FRACTIONAL, Kind.EXPONENT,
                Kind.NOT_A_NUMBER), Kind.of(Group.NUMBER));
        assertThrows(IllegalArgumentException.class, () -> hostile.string(Kind.OVERFLOW));
        assertThrows(IllegalArgumentException.class, () -> hostile.number(Kind.WRONG_TYPE));
        assertThrows(IllegalArgumentException.class, () -> hostile.body(DOCUMENT, Kind.BLANK));
        assertThrows(IllegalArgumentException.class, () -> hostile.body("[1]"));
        assertThrows(IllegalArgumentException.class, () -> hostile.body("{}"));
        assertThrows(IllegalArgumentException.class, () -> hostile.body("{\"a\":"));
    }

    @Test
    void stringsAreWhatTheirKindClaims() {
        HostileInput hostile = HostileInput.seeded(2);
        for (int i = 0; i < 100; i++) {
            assertTrue(hostile.string(Kind.SQL_METACHARACTERS).text().matches("(?s).*['\";%_\\\\*].*"));
            assertTrue(hostile.string(Kind.UNICODE_EDGE).text().chars().anyMatch(c -> c < 0x20 || c > 0x7E));
            assertTrue(hostile.string(Kind.VERY_LONG).text().length() >= 256);
            assertTrue(hostile.string(Kind.PATH_TRAVERSAL).text().matches("(?s).*(\\.|%2e|%252e|/etc).*"));
            assertTrue(hostile.string(Kind.FORMAT_STRING).text().matches("(?s).*[%{}<>\\r\\n:].*"));
            assertTrue(hostile.string(Kind.BLANK).text().chars()
                    .allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)));
        }
    }

    @Test
    void unicodeEdgesIncludeEmojiRtlNulAndLoneSurrogates() {
        HostileInput hostile = HostileInput.seeded(3);
        String all = String.join("", IntStream.range(0, 200)
                .mapToObj(i -> hostile.string(Kind.UNICODE_EDGE).text()).toList());
        for (String edge : List.of("\uD83D\uDE00", "\u202E", "\u0000", "\uFEFF")) {
            assertTrue(all.contains(edge), () -> "no " + Integer.toHexString(edge.charAt(0)));
        }
        assertTrue(IntStream.range(0, all.length()).anyMatch(i -> isLoneSurrogate(all, i)));
    }

    @Test
    void jsonLiteralsAreAsciiAndReadBackToTheExactText() throws IOException {
        HostileInput hostile = HostileInput.seeded(4);
        for (int i = 0; i < 300; i++) {
            Variant value = hostile.string();
            assertTrue(value.json().chars().allMatch(c -> c >= 0x20 && c < 0x7F), value::toString);
            assertEquals(value.text(), STRICT.readTree(value.json()).textValue(), value::toString);
        }
    }

    @Test
    void numbersAreWhatTheirKindClaims() {
        HostileInput hostile = HostileInput.seeded(5);
        for (int i = 0; i < 100; i++) {
            assertTrue(hostile.number(Kind.NEGATIVE).text().startsWith("-"));
            long huge = Long.parseLong(hostile.number(Kind.HUGE).text());
            assertTrue(huge >= 1_000_000_000L);
            assertTrue(new BigDecimal(hostile.number(Kind.FRACTIONAL).text()).scale() > 0);
            String exponent = hostile.number(Kind.EXPONENT).text();
            assertTrue(exponent.matches("-?\\d+[eE][+-]?\\d+") && JSON_NUMBER.matcher(exponent).matches());
            assertFalse(JSON_NUMBER.matcher(hostile.number(Kind.NOT_A_NUMBER).text()).matches());
        }
    }

    @Test
    void overflowingNumbersDoNotFitAnIntAndSomeDoNotFitALong() {
        HostileInput hostile = HostileInput.seeded(6);
        List<BigInteger> values = IntStream.range(0, 100)
                .mapToObj(i -> new BigInteger(hostile.number(Kind.OVERFLOW).text()))
                .toList();
        assertTrue(values.stream().allMatch(value -> value.bitLength() > 31), values::toString);
        assertTrue(values.stream().anyMatch(value -> value.bitLength() > 63), values::toString);
        assertTrue(values.stream().anyMatch(value -> value.signum() < 0), values::toString);
    }

    @Test
    void malformedBodiesFailAStrictParser() {
        HostileInput hostile = HostileInput.seeded(7);
        for (int i = 0; i < 200; i++) {
            Variant body = hostile.body(DOCUMENT, Kind.MALFORMED_JSON);
            assertFalse(parses(body.bytes()), body::toString);
        }
    }

    @Test
    void wrongTypeReplacesOneValueByAnotherJsonType() throws IOException {
        HostileInput hostile = HostileInput.seeded(8);
        JsonNode original = STRICT.readTree(DOCUMENT);
        for (int i = 0; i < 200; i++) {
            Variant body = hostile.body(DOCUMENT, Kind.WRONG_TYPE);
            JsonNode mutated = STRICT.readTree(body.bytes());
            String pointer = pointer(body, " is now ");
            assertNotEquals(original.at(pointer).getNodeType(), mutated.at(pointer).getNodeType(), body::toString);
        }
    }

    @Test
    void missingAndExtraFieldsAreValidJsonWithOneFieldFewerOrMore() throws IOException {
        HostileInput hostile = HostileInput.seeded(9);
        JsonNode original = STRICT.readTree(DOCUMENT);
        for (int i = 0; i < 100; i++) {
            Variant missing = hostile.body(DOCUMENT, Kind.MISSING_FIELD);
            String pointer = pointer(missing, "");
            assertFalse(original.at(pointer).isMissingNode());
            assertTrue(STRICT.readTree(missing.bytes()).at(pointer).isMissingNode(), missing::toString);
            Variant extra = hostile.body(DOCUMENT, Kind.EXTRA_FIELD);
            assertEquals(fields(original) + 1, fields(STRICT.readTree(extra.bytes())), extra::toString);
        }
    }

    @Test
    void deepNestingIsValidJsonOfTheAskedDepth() throws IOException {
        HostileInput hostile = HostileInput.seeded(10);
        for (int depth : new int[] {1, 1_001, 10_000}) {
            Variant body = hostile.deeplyNested(DOCUMENT, depth);
            int valueDepth = pointer(body, " is now ").split("/").length - 1;
            assertEquals(depth + valueDepth, maxDepth(body.bytes()), body::toString);
        }
        assertTrue(hostile.body(DOCUMENT, Kind.DEEP_NESTING).toString().matches("(?s).* is now (1001|10000)-deep .*"));
        assertThrows(IllegalArgumentException.class, () -> hostile.deeplyNested(DOCUMENT, 0));
    }

    @Test
    void invalidUtf8IsTheValidDocumentWithBadBytesInsertedInAString() {
        HostileInput hostile = HostileInput.seeded(11);
        byte[] valid = DOCUMENT.getBytes(StandardCharsets.UTF_8);
        Pattern detail = Pattern.compile("INVALID_UTF8 bytes ([0-9A-F ]+) at byte (\\d+):.*", Pattern.DOTALL);
        for (int i = 0; i < 100; i++) {
            Variant body = hostile.body(DOCUMENT, Kind.INVALID_UTF8);
            assertThrows(CharacterCodingException.class, () -> StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body.bytes())), body::toString);
            Matcher matcher = detail.matcher(body.toString());
            assertTrue(matcher.matches(), body::toString);
            byte[] bad = HexFormat.ofDelimiter(" ").parseHex(matcher.group(1));
            int at = Integer.parseInt(matcher.group(2));
            assertEquals('"', body.bytes()[at - 1]);
            byte[] rest = new byte[valid.length];
            System.arraycopy(body.bytes(), 0, rest, 0, at);
            System.arraycopy(body.bytes(), at + bad.length, rest, at, valid.length - at);
            assertArrayEquals(valid, rest, body::toString);
        }
    }

    @Test
    void descriptionsShowKindEscapedValueLengthSeedAndDraw() {
        HostileInput hostile = HostileInput.seeded(12);
        hostile.number();
        String blank = hostile.string(Kind.BLANK).toString();
        assertTrue(blank.matches("BLANK \"[^\"]*\" \\(\\d chars, seed 12, draw 2\\)"), blank);
        Variant longest = hostile.string(Kind.VERY_LONG);
        assertTrue(longest.toString().length() < 1_200, longest::toString);
        assertTrue(longest.toString().contains("\"... (" + longest.text().length() + " chars"), longest::toString);
        Variant nested = hostile.deeplyNested(DOCUMENT, 10_000);
        assertTrue(nested.toString().startsWith("DEEP_NESTING $."), nested::toString);
        assertEquals(12, nested.seed());
        assertEquals(4, nested.draw());
    }

    @Test
    void theSeedCanComeFromASystemProperty() {
        String replayed = System.clearProperty(HostileInput.SEED_PROPERTY); // a -D seed; put back below
        try {
            assertEquals(1, HostileInput.fromSystemProperty(1).seed());
            System.setProperty(HostileInput.SEED_PROPERTY, "99");
            assertEquals(99, HostileInput.fromSystemProperty(1).seed());
        } finally {
            if (replayed == null) {
                System.clearProperty(HostileInput.SEED_PROPERTY);
            } else {
                System.setProperty(HostileInput.SEED_PROPERTY, replayed);
            }
        }
    }

    private static List<String> draw(HostileInput hostile, int count) {
        List<Function<HostileInput, Variant>> draws =
                List.of(HostileInput::string, HostileInput::number, h -> h.body(DOCUMENT));
        return IntStream.range(0, count)
                .mapToObj(i -> draws.get(i % 3).apply(hostile))
                .map(v -> v + " " + HexFormat.of().formatHex(v.bytes()))
                .toList();
    }

    private static boolean parses(byte[] body) {
        try {
            JsonNode node = STRICT.readTree(body);
            return node != null && !node.isMissingNode();
        } catch (IOException e) {
            return false;
        }
    }

    /** Turns the JSONPath-like path in a variant's description into a JSON pointer. */
    private static String pointer(Variant variant, String after) {
        Matcher matcher = Pattern.compile("(\\$[^ :]*)" + Pattern.quote(after)).matcher(variant.toString());
        assertTrue(matcher.find(), variant::toString);
        return matcher.group(1).substring(1).replace('.', '/').replaceAll("\\[(\\d+)]", "/$1");
    }

    private static int fields(JsonNode node) {
        int own = node.isObject() ? node.size() : 0;
        int below = 0;
        for (JsonNode child : node) {
            below += fields(child);
        }
        return own + below;
    }

    /** Reads the whole document with a streaming parser (no recursion) and returns its deepest nesting. */
    private static int maxDepth(byte[] json) throws IOException {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(100_000).build())
                .build();
        int depth = 0;
        int max = 0;
        try (JsonParser parser = factory.createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token.isStructStart()) {
                    max = Math.max(max, ++depth);
                } else if (token.isStructEnd()) {
                    depth--;
                }
            }
        }
        return max;
    }

    private static boolean isLoneSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
    }
}
