package dev.mainstay.security.web;

import dev.mainstay.core.problem.Problem;
import dev.mainstay.security.auth.TokenPair;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The cookie mode of the token routes, for browser pages: the refresh token travels in an
 * {@code HttpOnly; Secure; SameSite=Strict} cookie that scripts cannot read, and the page keeps only
 * the short-lived access token, in memory (IETF "OAuth 2.0 for Browser-Based Applications").
 *
 * <p>A request chooses the mode with the header {@code X-Auth-Mode: cookie}. Without it nothing
 * changes: tokens travel in JSON bodies, as non-browser clients expect.
 *
 * <pre>{@code
 * BrowserSession browser = security.browserSession("/api/auth");     // the cookie's Path
 * cfg.routes.post("/api/auth/login", ctx -> browser.sendTokens(ctx, () -> auth.login(...).orElseThrow(...).tokens()));
 * cfg.routes.post("/api/auth/refresh", ctx -> browser.sendTokens(ctx, () ->
 *     browser.refreshToken(ctx, c -> Json.body(c, RefreshRequest.class).refreshToken())
 *             .flatMap(auth::refresh).orElseThrow(LOG_IN_AGAIN::toException).tokens()));
 * cfg.routes.post("/api/auth/logout", ctx -> {
 *     browser.refreshToken(ctx, c -> bodyToken(c)).ifPresent(t -> auth.logout(Auth.principal(ctx).subject(), t));
 *     browser.endSession(ctx);
 * }, Access.AUTHENTICATED);
 * }</pre>
 *
 * <p><b>CSRF.</b> A browser attaches the cookie by itself, so every request that uses it must prove
 * it comes from a page allowed to: it must carry {@code X-Auth-Mode: cookie} (a cross-site form
 * cannot set a header, and a cross-site script needs a CORS preflight to), and its {@code Origin},
 * when present, must be the service's own or one of {@code security.cors.allowed-origins}. Anything
 * else is 403 problem+json. {@code SameSite=Strict} already keeps the cookie off cross-site
 * requests; these checks do not rely on it.
 *
 * <p>{@code Secure} is left out only in the {@code dev} profile for a request over plain HTTP to
 * {@code localhost}, {@code 127.0.0.1} or {@code [::1]}, so that {@code mvn exec:java} works
 * without TLS. Immutable and thread-safe; create one per cookie path at start-up.
 */
public final class BrowserSession {
    /** The request header that chooses the mode. */
    public static final String MODE_HEADER = "X-Auth-Mode";
    /** The value of {@link #MODE_HEADER} that chooses cookie mode. */
    public static final String COOKIE_MODE = "cookie";
    /** The name of the refresh-token cookie. */
    public static final String COOKIE_NAME = "refresh_token";

    private static final Problem HEADER_MISSING = Problem.of(403, "Forbidden")
            .withDetail("The refresh cookie is accepted only with the header " + MODE_HEADER + ": "
                    + COOKIE_MODE + ".");

    private final RefreshCookie cookie;
    private final OriginCheck origins;

    BrowserSession(RefreshCookie cookie, OriginCheck origins) {
        this.cookie = cookie;
        this.origins = origins;
    }

    /**
     * Tells whether the request chose cookie mode, after checking its {@code Origin}.
     *
     * @param ctx the request
     * @return true if it carries {@code X-Auth-Mode: cookie} from an allowed origin, false if it does
     *     not carry the header
     * @throws dev.mainstay.core.problem.ProblemException 403 if it carries the header from a foreign
     *     or opaque origin
     */
    public boolean cookieMode(Context ctx) {
        if (!COOKIE_MODE.equalsIgnoreCase(String.valueOf(ctx.header(MODE_HEADER)).strip())) {
            return false;
        }
        origins.check(ctx);
        return true;
    }

    /**
     * Issues a token pair and answers it. The mode and the {@code Origin} are checked first, so a
     * refused request costs no password check and leaves no token behind. In cookie mode the refresh
     * token goes into the cookie and is left out of the JSON body; otherwise the pair is the body, as
     * it is.
     *
     * @param ctx the request of a login or refresh
     * @param issue logs in or refreshes, and returns the new pair; it may throw the app's own 4xx
     * @throws dev.mainstay.core.problem.ProblemException 403 as {@link #cookieMode}, before
     *     {@code issue} runs
     */
    public void sendTokens(Context ctx, Supplier<TokenPair> issue) {
        boolean cookieMode = cookieMode(ctx);
        TokenPair tokens = issue.get();
        if (!cookieMode || tokens.refreshToken() == null) {
            ctx.json(tokens);
            return;
        }
        ctx.res().addHeader("Set-Cookie", cookie.set(ctx, tokens.refreshToken()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accessToken", tokens.accessToken());
        body.put("tokenType", tokens.tokenType());
        body.put("expiresIn", tokens.expiresIn());
        ctx.json(body);
    }

    /**
     * Returns the refresh token a refresh or logout request presents: the cookie's in cookie mode,
     * otherwise what {@code fromBody} reads (the JSON body form).
     *
     * @param ctx the request
     * @param fromBody reads the token from the body when the request is not in cookie mode; it may
     *     throw the app's own 4xx for a missing token
     * @return the token, or empty in cookie mode when the request carries no cookie
     * @throws dev.mainstay.core.problem.ProblemException 403 if the request carries the cookie without
     *     {@code X-Auth-Mode: cookie}, or as {@link #cookieMode}
     */
    public Optional<String> refreshToken(Context ctx, Function<Context, String> fromBody) {
        if (cookieMode(ctx)) {
            return Optional.ofNullable(ctx.cookie(COOKIE_NAME)).filter(token -> !token.isBlank());
        }
        if (ctx.cookie(COOKIE_NAME) != null) {
            // The browser sent the cookie by itself, perhaps for a page that did not ask it to.
            throw HEADER_MISSING.toException();
        }
        return Optional.ofNullable(fromBody.apply(ctx));
    }

    /**
     * Ends the browser's session after a logout: in cookie mode, tells the browser to delete the
     * cookie. The app revokes the token itself (with {@code AuthFlows.logout}) before.
     *
     * @param ctx the request of a logout
     * @throws dev.mainstay.core.problem.ProblemException 403 as {@link #cookieMode}
     */
    public void endSession(Context ctx) {
        if (cookieMode(ctx)) {
            ctx.res().addHeader("Set-Cookie", cookie.clear(ctx));
        }
    }
}
