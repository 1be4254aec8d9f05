package dev.mainstay.security.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which browser origins may call the API (CORS), from an explicit allowlist only.
 *
 * <p>Each origin is {@code scheme://host[:port]} exactly as browsers send it, e.g.
 * {@code https://app.example.com}. There is no wildcard and {@code null} is refused: a sandboxed
 * iframe or a local file sends {@code Origin: null}, so allowing it allows anyone. An empty list turns
 * CORS off (same-origin only). Immutable.
 *
 * @param allowedOrigins the origins allowed, exact match
 * @param allowedMethods the methods a preflight may approve
 * @param allowedHeaders the request headers a preflight may approve
 * @param exposedHeaders the response headers scripts may read
 * @param allowCredentials whether cookies and HTTP auth may be sent (bearer tokens need not)
 * @param maxAge how long browsers may cache a preflight answer
 */
public record CorsConfig(
        List<String> allowedOrigins,
        List<String> allowedMethods,
        List<String> allowedHeaders,
        List<String> exposedHeaders,
        boolean allowCredentials,
        Duration maxAge) {
    /** Checks every origin and copies the lists. */
    public CorsConfig {
        allowedOrigins = List.copyOf(allowedOrigins);
        allowedMethods =
                allowedMethods.stream().map(m -> m.toUpperCase(Locale.ROOT)).toList();
        allowedHeaders = List.copyOf(allowedHeaders);
        exposedHeaders = List.copyOf(exposedHeaders);
        Objects.requireNonNull(maxAge, "maxAge");
        for (String origin : allowedOrigins) {
            String problem = problemWith(origin);
            if (problem != null) {
                throw new IllegalArgumentException("security.cors.allowed-origins: '" + origin + "' " + problem);
            }
        }
    }

    /**
     * Returns CORS switched off: no cross-origin browser calls.
     *
     * @return the settings
     */
    public static CorsConfig disabled() {
        return allowing(List.of());
    }

    /**
     * Returns CORS for {@code origins} with the defaults: the usual methods, the
     * {@code Authorization} and {@code Content-Type} headers, no credentials, 10 minute preflight cache.
     *
     * @param origins the allowed origins
     * @return the settings
     * @throws IllegalArgumentException if an origin is {@code *}, {@code null} or not a bare origin
     */
    public static CorsConfig allowing(List<String> origins) {
        return new CorsConfig(
                origins,
                List.of("GET", "POST", "PUT", "PATCH", "DELETE"),
                List.of("Authorization", "Content-Type"),
                List.of(),
                false,
                Duration.ofMinutes(10));
    }

    /**
     * Tells whether CORS is on.
     *
     * @return true if at least one origin is allowed
     */
    public boolean enabled() {
        return !allowedOrigins.isEmpty();
    }

    /** Returns why {@code origin} cannot be allowed, or null if it can. Used by config binding too. */
    static String problemWith(String origin) {
        if (origin.equals("*")) {
            return "is a wildcard; list each origin explicitly";
        }
        if (origin.equalsIgnoreCase("null")) {
            return "is the opaque origin any sandboxed page can send; it cannot be allowed";
        }
        try {
            URI uri = new URI(origin);
            boolean bare = uri.getScheme() != null
                    && uri.getHost() != null
                    && uri.getRawPath().isEmpty()
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null;
            boolean web = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
            return bare && web ? null : "must be scheme://host[:port], e.g. https://app.example.com";
        } catch (java.net.URISyntaxException e) {
            return "must be scheme://host[:port], e.g. https://app.example.com";
        }
    }
}
