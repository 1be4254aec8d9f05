package dev.mainstay.security.config;

import dev.mainstay.security.DurationSetting;
import java.time.Duration;

/**
 * Settings for the security headers every response gets.
 *
 * <p>{@code nosniff}, {@code Referrer-Policy: no-referrer}, a CSP that allows nothing
 * ({@link #API_POLICY}) and {@code X-Frame-Options: DENY} are always sent (an API has no page to
 * render or frame); the static pages of a browser client get {@link #PAGE_POLICY} instead. HSTS is
 * configurable because it only makes sense when clients reach the service over HTTPS: once a browser
 * has seen it, it refuses plain HTTP to the host for {@code hstsMaxAge}. Immutable.
 *
 * @param hsts whether to send {@code Strict-Transport-Security}
 * @param hstsMaxAge how long browsers remember it
 * @param hstsIncludeSubdomains whether it covers every subdomain too
 */
public record HeadersConfig(boolean hsts, Duration hstsMaxAge, boolean hstsIncludeSubdomains) {
    /** {@code security.headers.hsts}: send {@code Strict-Transport-Security}; true in prod, else false. */
    public static final String HSTS = "security.headers.hsts";
    /** {@code security.headers.hsts-max-age}: HSTS lifetime; one year by default, as preload lists expect. */
    public static final DurationSetting HSTS_MAX_AGE = new DurationSetting(
            "security.headers.hsts-max-age", Duration.ofDays(365), Duration.ZERO, Duration.ofDays(730));
    /** {@code security.headers.hsts-include-subdomains}: HSTS covers every subdomain; false by default. */
    public static final String HSTS_INCLUDE_SUBDOMAINS = "security.headers.hsts-include-subdomains";

    /** The Content-Security-Policy of every API answer: nothing may load from it or frame it. */
    public static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    /**
     * The Content-Security-Policy of a browser client's static pages: scripts, styles, images and
     * {@code fetch} from the service's own origin only, so no inline script, no {@code eval}, no
     * plugin, no {@code <base>} rewrite, forms posting only home, and no framing (clickjacking).
     */
    public static final String PAGE_POLICY = "default-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /**
     * Checks the max age against {@link #HSTS_MAX_AGE}'s range.
     *
     * @param hsts whether to send {@code Strict-Transport-Security}
     * @param hstsMaxAge how long browsers remember it
     * @param hstsIncludeSubdomains whether it covers every subdomain too
     * @throws IllegalArgumentException naming the key if {@code hstsMaxAge} is out of range
     */
    public HeadersConfig {
        HSTS_MAX_AGE.check(hstsMaxAge);
    }

    /**
     * Returns the headers with HSTS on (one year, no subdomains): for a service served over HTTPS.
     *
     * @return the settings
     */
    public static HeadersConfig withHsts() {
        return new HeadersConfig(true, HSTS_MAX_AGE.defaultValue(), false);
    }

    /**
     * Returns the headers with HSTS off: for local development over plain HTTP.
     *
     * @return the settings
     */
    public static HeadersConfig withoutHsts() {
        return new HeadersConfig(false, HSTS_MAX_AGE.defaultValue(), false);
    }
}
