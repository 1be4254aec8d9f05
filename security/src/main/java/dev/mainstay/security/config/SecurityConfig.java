package dev.mainstay.security.config;

import dev.mainstay.security.password.PasswordConfig;
import dev.mainstay.security.throttle.ThrottleConfig;
import dev.mainstay.security.token.JwtConfig;
import dev.mainstay.security.token.RefreshConfig;
import dev.mainstay.security.IntSetting;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Every {@code security.*} setting in one immutable record; see the module README for the table of
 * keys.
 *
 * <p>Plain Java: build it by hand, or, in a Mainstay app, read it inside the app's one {@code bind}
 * so that all start-up problems are reported together:
 * {@code setup.config().bind(r -> new Settings(MyConfig.from(r), MainstaySecurity.readConfig(r)))}.
 *
 * @param password hashing cost, bounds and policy
 * @param jwt access-token keys, claims and lifetimes
 * @param refresh refresh-token lifetime and cleanup interval
 * @param throttle login throttling limits
 * @param registerLimit registrations per client address per {@code security.throttle.window}, see
 *     {@link #REGISTER_LIMIT}
 * @param authScheme the {@code Authorization} scheme word, e.g. {@code Bearer}; see {@link #checkScheme}
 * @param cors the CORS allowlist
 * @param headers the security headers
 */
public record SecurityConfig(
        PasswordConfig password,
        JwtConfig jwt,
        RefreshConfig refresh,
        ThrottleConfig throttle,
        int registerLimit,
        String authScheme,
        CorsConfig cors,
        HeadersConfig headers) {
    /** {@code security.auth.scheme}: the scheme word of {@code Authorization}; {@code Bearer} by default. */
    public static final String AUTH_SCHEME = "security.auth.scheme";
    /**
     * {@code security.throttle.register-limit}: registrations per client address per throttle window;
     * 20 by default. Each costs a bcrypt hash, so an unlimited flood would starve logins.
     */
    public static final IntSetting REGISTER_LIMIT =
            new IntSetting("security.throttle.register-limit", 20, 1, 10_000);
    /** The scheme word used when {@link #AUTH_SCHEME} is not set (RFC 6750). */
    public static final String DEFAULT_AUTH_SCHEME = "Bearer";

    // An HTTP token (RFC 9110 5.6.2) that starts with a letter: what may stand before the credentials.
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*");

    /**
     * Rejects nulls and a scheme that is not one word.
     *
     * @param password hashing cost, bounds and policy
     * @param jwt access-token keys, claims and lifetimes
     * @param refresh refresh-token lifetime and cleanup interval
     * @param throttle login throttling limits
     * @param registerLimit registrations per client address per throttle window
     * @param authScheme the {@code Authorization} scheme word
     * @param cors the CORS allowlist
     * @param headers the security headers
     * @throws NullPointerException naming the component that is null
     * @throws IllegalArgumentException if {@code registerLimit} is out of range or the scheme is not one word
     */
    public SecurityConfig {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(jwt, "jwt");
        Objects.requireNonNull(refresh, "refresh");
        Objects.requireNonNull(throttle, "throttle");
        REGISTER_LIMIT.check(registerLimit);
        checkScheme(authScheme);
        Objects.requireNonNull(cors, "cors");
        Objects.requireNonNull(headers, "headers");
    }

    /**
     * Returns {@code scheme} if it can stand before the credentials in {@code Authorization}.
     *
     * @param scheme the scheme word to check
     * @return {@code scheme}, unchanged
     * @throws IllegalArgumentException naming {@link #AUTH_SCHEME} if it is null or not one word
     */
    public static String checkScheme(String scheme) {
        if (scheme == null || !SCHEME.matcher(scheme).matches()) {
            throw new IllegalArgumentException(AUTH_SCHEME
                    + " must be one word, such as Bearer (RFC 6750) or Token (RealWorld), not '" + scheme + "'");
        }
        return scheme;
    }
}
