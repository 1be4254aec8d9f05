package dev.mainstay.security.web;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings for the security headers every response gets.
 *
 * <p>{@code nosniff}, {@code Referrer-Policy: no-referrer}, a CSP that allows nothing and
 * {@code X-Frame-Options: DENY} are always sent (an API has no page to render or frame). HSTS is
 * configurable because it only makes sense when clients reach the service over HTTPS: once a browser
 * has seen it, it refuses plain HTTP to the host for {@code hstsMaxAge}. Immutable.
 *
 * @param hsts whether to send {@code Strict-Transport-Security}
 * @param hstsMaxAge how long browsers remember it
 * @param hstsIncludeSubdomains whether it covers every subdomain too
 */
public record HeadersConfig(boolean hsts, Duration hstsMaxAge, boolean hstsIncludeSubdomains) {
    /** The default HSTS lifetime: one year, as browsers' preload lists expect. */
    public static final Duration DEFAULT_HSTS_MAX_AGE = Duration.ofDays(365);

    /** Rejects a null or negative max age. */
    public HeadersConfig {
        Objects.requireNonNull(hstsMaxAge, "hstsMaxAge");
        if (hstsMaxAge.isNegative()) {
            throw new IllegalArgumentException("security.headers.hsts-max-age must not be negative");
        }
    }

    /**
     * Returns the headers with HSTS on (one year, no subdomains): for a service served over HTTPS.
     *
     * @return the settings
     */
    public static HeadersConfig withHsts() {
        return new HeadersConfig(true, DEFAULT_HSTS_MAX_AGE, false);
    }

    /**
     * Returns the headers with HSTS off: for local development over plain HTTP.
     *
     * @return the settings
     */
    public static HeadersConfig withoutHsts() {
        return new HeadersConfig(false, DEFAULT_HSTS_MAX_AGE, false);
    }
}
