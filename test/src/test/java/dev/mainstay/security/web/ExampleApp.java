package dev.mainstay.security.web;

import dev.mainstay.core.MainstaySetup;
import dev.mainstay.core.problem.Problem;
import dev.mainstay.security.password.Authenticated;
import dev.mainstay.security.password.PasswordAuthenticator;
import dev.mainstay.security.token.InMemoryRefreshTokenStore;
import dev.mainstay.security.token.RefreshToken;
import dev.mainstay.security.token.Rotation;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The login flow exactly as the module README shows it: register, login, me, refresh, logout. Users
 * live in a map here; a real service keeps them in its database.
 */
final class ExampleApp {
    record User(String id, String email, String passwordHash, Set<String> roles) {
        User withHash(String newHash) {
            return new User(id, email, newHash, roles);
        }
    }

    record Credentials(String email, String password) {}

    record RefreshRequest(String refreshToken) {}

    final Map<String, User> usersByEmail = new ConcurrentHashMap<>();

    // --- README: begin
    record Tokens(String accessToken, String refreshToken) {}

    static final Problem WRONG_CREDENTIALS = Problem.of(401, "Unauthorized").withDetail("Wrong e-mail or password.");
    static final Problem LOG_IN_AGAIN = Problem.of(401, "Unauthorized").withDetail("Log in again.");

    void setup(MainstaySetup app) {
        MainstaySecurity security = MainstaySecurity.install(app, new InMemoryRefreshTokenStore());
        PasswordAuthenticator<User> authenticator = security.passwordAuthenticator(
                email -> Optional.ofNullable(usersByEmail.get(email)), User::passwordHash);

        app.javalin(cfg -> {
            cfg.routes.post("/register", ctx -> {
                Credentials body = ctx.bodyAsClass(Credentials.class);
                security.passwordPolicy().check(body.password()); // 422 naming /password
                String hash = security.passwordHasher().hash(body.password());
                String id = UUID.randomUUID().toString();
                usersByEmail.put(body.email(), new User(id, body.email(), hash, Set.of("user")));
                ctx.status(201);
            });
            cfg.routes.post("/login", ctx -> {
                Credentials body = ctx.bodyAsClass(Credentials.class);
                Authenticated<User> login = security.loginThrottle() // 429 after too many failures
                        .attempt(
                                body.email(), ctx.ip(), () -> authenticator.authenticate(body.email(), body.password()))
                        .orElseThrow(WRONG_CREDENTIALS::toException);
                User user = login.user();
                login.upgradedHash().ifPresent(hash -> usersByEmail.put(user.email(), user.withHash(hash)));
                ctx.json(tokens(security, user, security.refreshTokens().issue(user.id())));
            });
            cfg.routes.post("/refresh", ctx -> {
                String presented = ctx.bodyAsClass(RefreshRequest.class).refreshToken();
                Rotation rotation = security.refreshTokens().rotate(presented).orElseThrow(LOG_IN_AGAIN::toException);
                ctx.json(tokens(security, byId(rotation.subject()), rotation.next()));
            });
            cfg.routes.post("/logout", ctx -> logout(security, ctx), Access.AUTHENTICATED);
            cfg.routes.get("/me", ctx -> ctx.json(Auth.principal(ctx)), Access.AUTHENTICATED);
        });
    }

    private static Tokens tokens(MainstaySecurity security, User user, RefreshToken refresh) {
        return new Tokens(security.accessTokens().issue(user.id(), user.roles()).value(), refresh.value());
    }

    private static void logout(MainstaySecurity security, Context ctx) {
        security.refreshTokens().revoke(ctx.bodyAsClass(RefreshRequest.class).refreshToken());
        ctx.status(204);
    }
    // --- README: end

    private User byId(String id) {
        return usersByEmail.values().stream()
                .filter(u -> u.id().equals(id))
                .findFirst()
                .orElseThrow();
    }
}
