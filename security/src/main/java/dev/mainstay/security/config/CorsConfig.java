package dev.mainstay.security.config;

import dev.mainstay.security.DurationSetting;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

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
    /** {@code security.cors.allowed-origins}: comma-separated exact origins; empty (CORS off) by default. */
    public static final String ALLOWED_ORIGINS = "security.cors.allowed-origins";
    /** {@code security.cors.allowed-methods}: methods a preflight may approve. */
    public static final String ALLOWED_METHODS = "security.cors.allowed-methods";
    /** {@code security.cors.allowed-headers}: request headers a preflight may approve. */
    public static final String ALLOWED_HEADERS = "security.cors.allowed-headers";
    /** {@code security.cors.exposed-headers}: response headers scripts may read; none by default. */
    public static final String EXPOSED_HEADERS = "security.cors.exposed-headers";
    /** {@code security.cors.allow-credentials}: allow cookies and HTTP auth cross-origin; false by default. */
    public static final String ALLOW_CREDENTIALS = "security.cors.allow-credentials";
    /** {@code security.cors.max-age}: how long browsers cache a preflight; 10 minutes by default. */
    public static final DurationSetting MAX_AGE =
            new DurationSetting("security.cors.max-age", Duration.ofMinutes(10), Duration.ZERO, Duration.ofDays(1));

    /**
     * Checks every origin and the max age, and copies the lists.
     *
     * @param allowedOrigins the origins allowed, exact match
     * @param allowedMethods the methods a preflight may approve (upper-cased here)
     * @param allowedHeaders the request headers a preflight may approve
     * @param exposedHeaders the response headers scripts may read
     * @param allowCredentials whether cookies and HTTP auth may be sent
     * @param maxAge how long browsers may cache a preflight answer
     * @throws IllegalArgumentException naming {@link #ALLOWED_ORIGINS} or {@link #MAX_AGE} for a bad value
     */
    public CorsConfig {
        allowedOrigins = List.copyOf(allowedOrigins);
        allowedMethods =
                allowedMethods.stream().map(m -> m.toUpperCase(Locale.ROOT)).toList();
        allowedHeaders = List.copyOf(allowedHeaders);
        exposedHeaders = List.copyOf(exposedHeaders);
        MAX_AGE.check(maxAge);
        for (String origin : allowedOrigins) {
            problemWith(origin).ifPresent(problem -> {
                throw new IllegalArgumentException(ALLOWED_ORIGINS + ": '" + origin + "' " + problem);
            });
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
                MAX_AGE.defaultValue());
    }

    /**
     * Tells whether CORS is on.
     *
     * @return true if at least one origin is allowed
     */
    public boolean enabled() {
        return !allowedOrigins.isEmpty();
    }

    /**
     * Says why {@code origin} cannot be allowed, so that config binding can report it without throwing.
     *
     * @param origin one entry of the allowlist, not null
     * @return the reason, phrased to follow the origin, or empty if it may be allowed
     */
    public static Optional<String> problemWith(String origin) {
        if (origin.equals("*")) {
            return Optional.of("is a wildcard; list each origin explicitly");
        }
        if (origin.equalsIgnoreCase("null")) {
            return Optional.of("is the opaque origin any sandboxed page can send; it cannot be allowed");
        }
        String shape = "must be scheme://host[:port], e.g. https://app.example.com";
        try {
            URI uri = new URI(origin);
            boolean bare = uri.getScheme() != null
                    && uri.getHost() != null
                    && uri.getRawPath().isEmpty()
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null;
            boolean web = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
            return bare && web ? Optional.empty() : Optional.of(shape);
        } catch (java.net.URISyntaxException e) {
            return Optional.of(shape);
        }
    }
}
