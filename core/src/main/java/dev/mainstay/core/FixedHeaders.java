package dev.mainstay.core;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jetty.ee10.servlet.ServletApiResponse;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;

/**
 * Response headers whose names and values are known when the app starts, such as security headers,
 * encoded to bytes once and copied into every response that gets them.
 *
 * <pre>{@code
 * private static final FixedHeaders NO_STORE = FixedHeaders.of(Map.of("Cache-Control", "no-store"));
 *
 * NO_STORE.setOn(ctx); // as ctx.header("Cache-Control", "no-store"), without the per-response encoding
 * }</pre>
 *
 * <p>Why: Jetty writes a header that it holds as text one character at a time, replacing CR and LF as it
 * goes, on every response. A header it holds as a {@link PreEncodedHttpField} (as it holds its own
 * {@code Date} and {@code Server} headers) is copied as one block of bytes. Since nothing sanitises a
 * pre-encoded header on the way out, {@link #of} refuses names and values that could break the header
 * block, so a fixed header can never be an injected one.
 *
 * <p>{@link #setOn} replaces a header of the same name, as {@code ctx.header(name, value)} does, and a
 * handler that runs later can replace a fixed header the same way (a page with a policy of its own, say).
 * Immutable and thread-safe: build one at start-up and share it.
 */
public final class FixedHeaders {
    private final List<HttpField> fields;

    private FixedHeaders(List<HttpField> fields) {
        this.fields = fields;
    }

    /**
     * Encodes {@code headers} once, in the map's iteration order.
     *
     * @param headers header names and values, not null
     * @return the encoded headers
     * @throws IllegalArgumentException naming the header, if a name is not an RFC 9110 token or a value holds
     *     a control character other than horizontal tab (CR and LF among them) or a character outside
     *     ISO-8859-1
     */
    public static FixedHeaders of(Map<String, String> headers) {
        List<HttpField> fields = new ArrayList<>();
        headers.forEach((name, value) -> {
            checkName(Objects.requireNonNull(name, "header name"));
            checkValue(name, Objects.requireNonNull(value, () -> "the value of " + name));
            // A name Jetty knows (Cache-Control, Strict-Transport-Security...) is compared by identity later.
            HttpHeader known = HttpHeader.CACHE.get(name);
            fields.add(known != null && known.is(name)
                    ? new PreEncodedHttpField(known, name, value)
                    : new PreEncodedHttpField(name, value));
        });
        return new FixedHeaders(List.copyOf(fields));
    }

    /**
     * Sets every header on the response of {@code ctx}, replacing any of the same name.
     *
     * @param ctx the request whose response gets the headers
     */
    public void setOn(Context ctx) {
        if (ctx.res() instanceof ServletApiResponse jetty) {
            HttpFields.Mutable headers = jetty.getResponse().getHeaders();
            for (HttpField field : fields) {
                headers.put(field);
            }
            return;
        }
        // A response some filter wrapped: the same headers, as text.
        for (HttpField field : fields) {
            ctx.header(field.getName(), field.getValue());
        }
    }

    /** RFC 9110 5.1: a field name is a token. */
    private static void checkName(String name) {
        if (name.isEmpty() || !name.chars().allMatch(FixedHeaders::isTokenChar)) {
            throw new IllegalArgumentException(
                    "Header name '" + name + "' is not a token: use letters, digits and !#$%&'*+-.^_`|~ only");
        }
    }

    /** RFC 9110 5.5: visible characters, spaces and tabs; no CR or LF, which would end the field. */
    private static void checkValue(String name, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f || c > 0xff) {
                throw new IllegalArgumentException("The value of header " + name + " holds the character U+"
                        + String.format("%04X", (int) c) + " at index " + i
                        + ": a header value may hold only visible ISO-8859-1 characters, spaces and tabs");
            }
        }
    }

    private static boolean isTokenChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
