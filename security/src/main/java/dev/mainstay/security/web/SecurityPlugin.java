package dev.mainstay.security.web;

import dev.mainstay.security.config.CorsConfig;
import dev.mainstay.security.config.HeadersConfig;
import dev.mainstay.security.config.SecurityConfig;
import dev.mainstay.security.token.AccessTokens;
import io.javalin.config.JavalinState;
import io.javalin.plugin.Plugin;
import java.util.function.Consumer;

/**
 * The Javalin plugin that protects routes: security headers and CORS on every request, and bearer
 * token authentication with role checks on routes that declare an {@link Access} or {@link Role}.
 *
 * <pre>{@code
 * app.javalin(cfg -> {
 *     cfg.registerPlugin(new SecurityPlugin(options -> {
 *         options.accessTokens = tokens;
 *         options.scheme = "Token";                    // RealWorld; default "Bearer"
 *         options.cors = CorsConfig.allowing(List.of("https://app.example.com"));
 *     }));
 *     cfg.routes.get("/user", Users::me, Access.AUTHENTICATED);
 * });
 * }</pre>
 *
 * <p>Failures are thrown as mainstay-core {@code ProblemException}s, so core writes them as
 * problem+json with the request id: 401 with {@code WWW-Authenticate}, 403, or 403 for a refused CORS
 * preflight. {@link MainstaySecurity#install} registers this plugin from config for you.
 */
public final class SecurityPlugin extends Plugin<SecurityPlugin.Options> {
    /** What the plugin is configured with; set the fields in the consumer given to the constructor. */
    public static final class Options {
        /** Verifies the access tokens; required. */
        public AccessTokens accessTokens;
        /** The scheme word of the {@code Authorization} header: {@code Bearer} (RFC 6750) by default. */
        public String scheme = SecurityConfig.DEFAULT_AUTH_SCHEME;
        /** The CORS allowlist; off by default. */
        public CorsConfig cors = CorsConfig.disabled();
        /** The security headers; HSTS off by default (turn it on behind TLS). */
        public HeadersConfig headers = HeadersConfig.withoutHsts();

        /** Creates the defaults; the plugin's consumer then changes them. */
        public Options() {}
    }

    /**
     * Creates the plugin.
     *
     * @param userConfig sets the options; must at least set {@link Options#accessTokens}
     */
    public SecurityPlugin(Consumer<Options> userConfig) {
        super(userConfig, new Options());
    }

    /**
     * Registers the handlers; called by Javalin while the app is created.
     *
     * @param state Javalin's configuration
     * @throws IllegalStateException if no access tokens were given or the scheme is not a token
     */
    @Override
    public void onInitialize(JavalinState state) {
        Options options = pluginConfig;
        if (options.accessTokens == null) {
            throw new IllegalStateException(
                    "SecurityPlugin needs options.accessTokens, e.g. AccessTokens.create(jwtConfig)");
        }
        try {
            SecurityConfig.checkScheme(options.scheme);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        Challenges challenges = new Challenges(options.scheme);
        state.appData(Challenges.KEY, challenges);
        state.routes.before(new SecurityHeaders(options.headers));
        if (options.cors.enabled()) {
            state.routes.before(new Cors(options.cors));
        }
        state.routes.beforeMatched(new Authenticator(options.accessTokens, options.scheme, challenges));
    }

    /** Returns the plugin's name, as Javalin lists it. */
    @Override
    public String name() {
        return "mainstay-security";
    }
}
