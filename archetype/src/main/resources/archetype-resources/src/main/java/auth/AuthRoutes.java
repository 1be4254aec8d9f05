package ${package}.auth;

import dev.mainstay.core.ClientAddress;
import dev.mainstay.core.Json;
import dev.mainstay.core.problem.Problem;
import dev.mainstay.core.problem.Validation;
import dev.mainstay.security.auth.AuthFlows;
import dev.mainstay.security.password.PasswordPolicy;
import dev.mainstay.security.password.PasswordRejectedException;
import dev.mainstay.security.web.Access;
import dev.mainstay.security.web.BrowserSession;
import dev.mainstay.security.web.MainstaySecurity;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Accounts and sessions over HTTP: {@code /api/auth/*} and {@code /api/me}. The security-critical
 * sequences (throttling, equal timing, hash upgrades, token rotation and reuse detection) are
 * mainstay-security's {@link AuthFlows}; this class validates the bodies and answers.
 *
 * <p>Login, refresh and logout speak two forms. By default the refresh token travels in the JSON
 * bodies, for non-browser clients. With the header {@code X-Auth-Mode: cookie} (the web client at
 * {@code /}), it travels in an {@code HttpOnly} cookie for {@code /api/auth} that page scripts cannot
 * read; {@link BrowserSession} does that, and refuses such requests from other sites (README,
 * "Front-end").
 */
public final class AuthRoutes {
    /** Where the token routes live, and so the only path the browser sends the refresh cookie to. */
    public static final String AUTH_PATH = "/api/auth";
    private static final Problem BAD_CREDENTIALS =
            Problem.of(401, "Unauthorized").withDetail("The e-mail address or the password is wrong.");
    private static final Problem BAD_REFRESH_TOKEN =
            Problem.of(401, "Unauthorized").withDetail("The refresh token is unknown, expired, revoked or already used.");

    private final AuthFlows<User> auth;
    private final PasswordPolicy policy;
    private final UserRepository users;
    private final BrowserSession browser;

    /**
     * Creates the routes over the installed security and the stored accounts.
     *
     * @param security mainstay-security, installed from the {@code security.*} settings
     * @param users where accounts are stored
     */
    public AuthRoutes(MainstaySecurity security, UserRepository users) {
        this.auth = security.authFlows(new UserAccounts(users));
        this.policy = security.passwordPolicy();
        this.users = users;
        this.browser = security.browserSession(AUTH_PATH);
    }


    /**
     * Registers the routes.
     *
     * @param cfg the app's Javalin configuration, during set-up
     */
    public void install(JavalinConfig cfg) {
        cfg.routes.post(AUTH_PATH + "/register", this::register);
        cfg.routes.post(AUTH_PATH + "/login", this::login);
        cfg.routes.post(AUTH_PATH + "/refresh", this::refresh);
        cfg.routes.post(AUTH_PATH + "/logout", this::logout, Access.AUTHENTICATED);
        cfg.routes.get("/api/me", this::me, Access.AUTHENTICATED);
    }

    /** Creates an account with the role {@code user}; 422 names every invalid field, 409 a taken address. */
    private void register(Context ctx) {
        Credentials credentials = Json.body(ctx, Credentials.class);
        String email = Email.normalize(credentials.email());
        Optional<PasswordRejectedException> weak = policy.violation(credentials.password());
        Validation.start()
                .notBlank("/email", email)
                .check(email == null || Email.isValid(email), "/email", "must be an e-mail address")
                .check(weak.isEmpty(), "/password", weak.map(Throwable::getMessage).orElse(""))
                .throwIfInvalid();
        User user = auth.register(
                credentials.password(),
                ClientAddress.of(ctx).throttleKey(),
                hash -> users.create(email, hash, Set.of(User.ROLE_USER)));
        ctx.status(201).json(Map.of("id", user.id(), "email", user.email()));
    }

    /** Answers a token pair (the refresh token as a cookie in cookie mode); 401 alike for an unknown address and a wrong password, 429 when throttled. */
    private void login(Context ctx) {
        Credentials credentials = Json.body(ctx, Credentials.class);
        String email = Email.normalize(credentials.email());
        Validation.start()
                .notBlank("/email", email)
                .required("/password", credentials.password())
                .throwIfInvalid();
        browser.sendTokens(ctx, () -> auth.login(email, credentials.password(), ClientAddress.of(ctx).throttleKey())
                .orElseThrow(BAD_CREDENTIALS::toException)
                .tokens());
    }

    /** Exchanges a refresh token for a new pair, once; a token used twice ends its whole family. */
    private void refresh(Context ctx) {
        browser.sendTokens(ctx, () -> browser.refreshToken(ctx, AuthRoutes::refreshToken)
                .flatMap(auth::refresh)
                .orElseThrow(BAD_REFRESH_TOKEN::toException)
                .tokens());
    }

    /**
     * Ends the session of a refresh token of the caller's; any other token is ignored without a sign.
     * In cookie mode the browser is also told to delete the cookie.
     */
    private void logout(Context ctx) {
        browser.refreshToken(ctx, AuthRoutes::refreshToken)
                .ifPresent(token -> auth.logout(Caller.id(ctx).toString(), token));
        browser.endSession(ctx);
        ctx.status(204);
    }

    private void me(Context ctx) {
        ctx.json(UserView.of(users.findById(Caller.id(ctx)).orElseThrow(BAD_CREDENTIALS::toException)));
    }

    private static String refreshToken(Context ctx) {
        String token = Json.body(ctx, RefreshRequest.class).refreshToken();
        Validation.start().notBlank("/refreshToken", token).throwIfInvalid();
        return token;
    }
}
