package dev.mainstay.security.web;

import dev.mainstay.core.config.ConfigReader;
import dev.mainstay.security.password.PasswordConfig;
import dev.mainstay.security.throttle.ThrottleConfig;
import dev.mainstay.security.token.JwtConfig;
import dev.mainstay.security.token.RefreshTokens;
import java.time.Duration;
import java.util.Objects;

/**
 * Every {@code security.*} setting, read from mainstay-core's config; see the module README for the
 * table of keys.
 *
 * <p>Read it inside the app's one {@code bind} so all start-up problems are reported together:
 * {@code var settings = setup.config().bind(r -> new Settings(MyConfig.from(r), SecurityConfig.from(r)))}.
 * The plain-Java settings records it holds ({@link PasswordConfig}, {@link JwtConfig},
 * {@link ThrottleConfig}) can also be built by hand without core. Immutable.
 *
 * @param password hashing cost, bounds and policy
 * @param jwt access-token keys, claims and lifetimes
 * @param refreshTtl the lifetime of a refresh token
 * @param throttle login throttling limits
 * @param authScheme the {@code Authorization} scheme word, e.g. {@code Bearer}
 * @param cors the CORS allowlist
 * @param headers the security headers
 */
public record SecurityConfig(
        PasswordConfig password,
        JwtConfig jwt,
        Duration refreshTtl,
        ThrottleConfig throttle,
        String authScheme,
        CorsConfig cors,
        HeadersConfig headers) {
    /** Rejects nulls. */
    public SecurityConfig {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(jwt, "jwt");
        Objects.requireNonNull(refreshTtl, "refreshTtl");
        Objects.requireNonNull(throttle, "throttle");
        Objects.requireNonNull(authScheme, "authScheme");
        Objects.requireNonNull(cors, "cors");
        Objects.requireNonNull(headers, "headers");
    }

    /**
     * Reads every {@code security.*} key; never throws, so that {@code bind} can report all problems.
     *
     * <p>In the prod profile a missing issuer, audience or key is a problem; in dev and test a missing
     * key is generated at random with a loud warning. Configured HMAC secrets that are short,
     * published examples or passphrases are refused in every profile.
     *
     * @param r the reader of the app's config
     * @return the settings (meaningful only if {@code bind} then reports no problem)
     */
    public static SecurityConfig from(ConfigReader r) {
        return new SecurityConfig(
                Settings.password(r),
                JwtSettings.read(r),
                r.duration(
                        "security.refresh.ttl", RefreshTokens.DEFAULT_TTL, Duration.ofMinutes(1), Duration.ofDays(365)),
                Settings.throttle(r),
                Settings.scheme(r),
                Settings.cors(r),
                Settings.headers(r));
    }
}
