package dev.mainstay.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.mainstay.core.problem.Problem;
import io.javalin.config.Key;
import io.javalin.http.Context;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads JSON request bodies safely: checks the content type (415), the size (413), parses with the
 * app's limits, and turns every Jackson failure into a 400 problem that names the field.
 *
 * <pre>{@code
 * record NewUser(String email, String name) {}
 * NewUser user = Json.body(ctx, NewUser.class);
 * }</pre>
 *
 * <p>The app's mapper writes {@code java.time} values as ISO-8601 text, ignores unknown properties (a
 * tolerant reader: clients may send more than a handler needs), rejects {@code null} for primitives and
 * trailing garbage, and limits nesting depth and string length ({@code http.json.*}).
 */
public final class Json {
    static final Key<ObjectMapper> MAPPER_KEY = new Key<>("mainstay.json");
    static final Key<Long> MAX_BODY_KEY = new Key<>("mainstay.maxBodySize");

    private Json() {}

    /**
     * Reads the body of {@code ctx} as {@code type}; call it from a handler of a Mainstay app.
     *
     * @param <T> the type to read
     * @param ctx the request, of an app that Mainstay set up (its mapper and body limit are used)
     * @param type the class to map the JSON document to, e.g. a record
     * @return the parsed body, never {@code null}
     * @throws dev.mainstay.core.problem.ProblemException 415 for a non-JSON content type, 413 for a body
     *     over {@code http.max-body-size}, 400 for an empty, malformed, too deep or mistyped body
     */
    public static <T> T body(Context ctx, Class<T> type) {
        return body(ctx, (Type) type);
    }

    /**
     * Like {@link #body(Context, Class)}, for generic types such as {@code List<Item>}.
     *
     * @param <T> the type to read; the caller vouches that it matches {@code type}
     * @param ctx the request, of an app that Mainstay set up
     * @param type the type to map the JSON document to, e.g. from a {@code TypeReference}
     * @return the parsed body, never {@code null}
     * @throws dev.mainstay.core.problem.ProblemException as {@link #body(Context, Class)}
     */
    public static <T> T body(Context ctx, Type type) {
        requireJson(ctx);
        long max = ctx.appData(MAX_BODY_KEY);
        if (ctx.contentLength() > max) {
            throw Problem.of(413, "Content Too Large")
                    .withDetail("The request body is larger than the limit of " + max + " bytes.")
                    .toException();
        }
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0) {
            throw Problem.of(400, "Malformed JSON")
                    .withDetail("The body is empty; send a JSON document.")
                    .toException();
        }
        String text = strictUtf8(bytes);
        ObjectMapper mapper = ctx.appData(MAPPER_KEY);
        T value;
        try {
            JavaType javaType = mapper.constructType(type);
            value = mapper.readValue(text, javaType);
        } catch (InvalidDefinitionException e) {
            // The target type cannot be read at all (no creator, bad annotations): a bug, not bad input.
            throw new IllegalStateException(
                    "Cannot map JSON to " + type.getTypeName() + ": " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw JsonProblems.of(e).toException();
        }
        if (value == null) {
            throw Problem.of(400, "Malformed JSON")
                    .withDetail("The body is null; send a JSON document.")
                    .toException();
        }
        return value;
    }

    /**
     * Decodes the body as UTF-8, refusing what is not: Jackson's own decoder accepts overlong forms
     * (so {@code C0 AF} would arrive as {@code /}, past any check on the raw bytes) and code points
     * above U+10FFFF.
     */
    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw Problem.of(400, "Malformed JSON")
                    .withDetail("The body is not valid UTF-8.")
                    .toException();
        }
    }

    private static void requireJson(Context ctx) {
        String contentType = ctx.contentType();
        if (contentType != null) {
            int semicolon = contentType.indexOf(';');
            String media = (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                    .trim()
                    .toLowerCase(Locale.ROOT);
            if (media.equals("application/json") || (media.startsWith("application/") && media.endsWith("+json"))) {
                return;
            }
        }
        throw Problem.of(415, "Unsupported Media Type")
                .withDetail("Send the body as application/json.")
                .withHeader("Accept", "application/json")
                .toException();
    }

    /** Builds the app's mapper; one per app, configured once, then shared by every request thread. */
    static ObjectMapper mapper(ServerConfig server) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(server.jsonMaxDepth())
                        .maxStringLength(server.jsonMaxStringLength())
                        .build())
                .build();
        return JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }
}
