package dev.mainstay.security.web;

import dev.mainstay.core.config.ConfigReader;
import dev.mainstay.core.config.Profile;
import dev.mainstay.security.DurationSetting;
import dev.mainstay.security.IntSetting;
import dev.mainstay.security.config.CorsConfig;
import dev.mainstay.security.config.HeadersConfig;
import dev.mainstay.security.config.SecurityConfig;
import dev.mainstay.security.password.PasswordConfig;
import dev.mainstay.security.throttle.ThrottleConfig;
import dev.mainstay.security.token.RefreshConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads every {@code security.*} key from mainstay-core's config into a {@link SecurityConfig}. Keys,
 * defaults and ranges come from the constants of the plain config records, so they are stated once.
 * Never throws: problems are recorded on the reader, so that {@code bind} reports them all at once.
 */
final class Settings {
    private Settings() {}

    static SecurityConfig read(ConfigReader r) {
        return new SecurityConfig(
                password(r),
                JwtSettings.read(r),
                refresh(r),
                throttle(r),
                integer(r, SecurityConfig.REGISTER_LIMIT),
                scheme(r),
                cors(r),
                headers(r));
    }

    static int integer(ConfigReader r, IntSetting s) {
        return r.integer(s.key(), s.defaultValue(), s.min(), s.max());
    }

    static Duration duration(ConfigReader r, DurationSetting s) {
        return r.duration(s.key(), s.defaultValue(), s.min(), s.max());
    }

    private static PasswordConfig password(ConfigReader r) {
        return new PasswordConfig(
                integer(r, PasswordConfig.COST),
                integer(r, PasswordConfig.MIN_LENGTH),
                r.bool(PasswordConfig.REJECT_COMMON, true),
                integer(r, PasswordConfig.MAX_CONCURRENT),
                integer(r, PasswordConfig.MAX_QUEUED),
                duration(r, PasswordConfig.MAX_WAIT));
    }

    private static RefreshConfig refresh(ConfigReader r) {
        Duration ttl = duration(r, RefreshConfig.TTL);
        Duration absoluteTtl = duration(r, RefreshConfig.ABSOLUTE_TTL);
        Duration cleanupInterval = duration(r, RefreshConfig.CLEANUP_INTERVAL);
        if (absoluteTtl.compareTo(ttl) < 0) {
            r.problem(
                    RefreshConfig.ABSOLUTE_TTL.key(),
                    absoluteTtl.toString(),
                    "must be at least security.refresh.ttl (" + ttl + "): a session cannot end before its token");
            return RefreshConfig.defaults();
        }
        return new RefreshConfig(ttl, absoluteTtl, cleanupInterval);
    }

    private static ThrottleConfig throttle(ConfigReader r) {
        return new ThrottleConfig(
                integer(r, ThrottleConfig.ACCOUNT_LIMIT),
                integer(r, ThrottleConfig.ADDRESS_LIMIT),
                duration(r, ThrottleConfig.WINDOW),
                integer(r, ThrottleConfig.CAPACITY));
    }

    private static CorsConfig cors(ConfigReader r) {
        CorsConfig defaults = CorsConfig.disabled();
        List<String> origins = new ArrayList<>();
        for (String origin : r.list(CorsConfig.ALLOWED_ORIGINS, List.of())) {
            CorsConfig.problemWith(origin)
                    .ifPresentOrElse(
                            problem -> r.problem(CorsConfig.ALLOWED_ORIGINS, origin, problem), () -> origins.add(origin));
        }
        return new CorsConfig(
                origins,
                r.list(CorsConfig.ALLOWED_METHODS, defaults.allowedMethods()),
                r.list(CorsConfig.ALLOWED_HEADERS, defaults.allowedHeaders()),
                r.list(CorsConfig.EXPOSED_HEADERS, defaults.exposedHeaders()),
                r.bool(CorsConfig.ALLOW_CREDENTIALS, defaults.allowCredentials()),
                duration(r, CorsConfig.MAX_AGE));
    }

    private static HeadersConfig headers(ConfigReader r) {
        return new HeadersConfig(
                r.bool(HeadersConfig.HSTS, r.profile() == Profile.PROD),
                duration(r, HeadersConfig.HSTS_MAX_AGE),
                r.bool(HeadersConfig.HSTS_INCLUDE_SUBDOMAINS, false));
    }

    private static String scheme(ConfigReader r) {
        String scheme = r.string(SecurityConfig.AUTH_SCHEME, SecurityConfig.DEFAULT_AUTH_SCHEME);
        try {
            return SecurityConfig.checkScheme(scheme);
        } catch (IllegalArgumentException e) {
            r.problem(SecurityConfig.AUTH_SCHEME, scheme, "must be one word, such as Bearer (RFC 6750) or Token (RealWorld)");
            return SecurityConfig.DEFAULT_AUTH_SCHEME;
        }
    }
}
