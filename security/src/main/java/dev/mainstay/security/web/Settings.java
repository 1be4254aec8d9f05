package dev.mainstay.security.web;

import dev.mainstay.core.config.ConfigReader;
import dev.mainstay.core.config.Profile;
import dev.mainstay.security.password.PasswordConfig;
import dev.mainstay.security.throttle.ThrottleConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads the {@code security.*} sections other than JWT; never throws, records problems instead. */
final class Settings {
    private Settings() {}

    static PasswordConfig password(ConfigReader r) {
        return new PasswordConfig(
                r.integer(
                        "security.password.cost",
                        PasswordConfig.DEFAULT_COST,
                        PasswordConfig.MIN_COST,
                        PasswordConfig.MAX_COST),
                r.integer(
                        "security.password.min-length",
                        PasswordConfig.DEFAULT_MIN_LENGTH,
                        PasswordConfig.MIN_MIN_LENGTH,
                        64),
                r.bool("security.password.reject-common", true),
                r.integer("security.password.max-concurrent", PasswordConfig.defaultMaxConcurrent(), 1, 1024),
                r.integer("security.password.max-queued", PasswordConfig.DEFAULT_MAX_QUEUED, 0, 100_000),
                r.duration(
                        "security.password.max-wait",
                        PasswordConfig.DEFAULT_MAX_WAIT,
                        Duration.ZERO,
                        Duration.ofMinutes(1)));
    }

    static ThrottleConfig throttle(ConfigReader r) {
        ThrottleConfig defaults = ThrottleConfig.defaults();
        return new ThrottleConfig(
                r.integer("security.throttle.account-limit", defaults.accountLimit(), 1, 10_000),
                r.integer("security.throttle.address-limit", defaults.addressLimit(), 1, 1_000_000),
                r.duration("security.throttle.window", defaults.window(), Duration.ofSeconds(1), Duration.ofDays(1)),
                r.integer("security.throttle.capacity", defaults.capacity(), 1, 10_000_000));
    }

    static CorsConfig cors(ConfigReader r) {
        CorsConfig defaults = CorsConfig.disabled();
        List<String> origins = new ArrayList<>();
        for (String origin : r.list("security.cors.allowed-origins", List.of())) {
            String problem = CorsConfig.problemWith(origin);
            if (problem == null) {
                origins.add(origin);
            } else {
                r.problem("security.cors.allowed-origins", origin, problem);
            }
        }
        return new CorsConfig(
                origins,
                r.list("security.cors.allowed-methods", defaults.allowedMethods()),
                r.list("security.cors.allowed-headers", defaults.allowedHeaders()),
                r.list("security.cors.exposed-headers", defaults.exposedHeaders()),
                r.bool("security.cors.allow-credentials", false),
                r.duration("security.cors.max-age", defaults.maxAge(), Duration.ZERO, Duration.ofDays(1)));
    }

    static HeadersConfig headers(ConfigReader r) {
        return new HeadersConfig(
                r.bool("security.headers.hsts", r.profile() == Profile.PROD),
                r.duration(
                        "security.headers.hsts-max-age",
                        HeadersConfig.DEFAULT_HSTS_MAX_AGE,
                        Duration.ZERO,
                        Duration.ofDays(730)),
                r.bool("security.headers.hsts-include-subdomains", false));
    }

    static String scheme(ConfigReader r) {
        String scheme = r.string("security.auth.scheme", "Bearer");
        if (!scheme.matches("[A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*")) {
            r.problem(
                    "security.auth.scheme", scheme, "must be one word, such as Bearer (RFC 6750) or Token (RealWorld)");
            return "Bearer";
        }
        return scheme;
    }
}
