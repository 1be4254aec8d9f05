package dev.mainstay.security.web;

import dev.mainstay.core.ClientAddress;
import dev.mainstay.core.Json;
import dev.mainstay.core.MainstaySetup;
import dev.mainstay.core.problem.Problem;
import dev.mainstay.security.auth.AccountStore;
import dev.mainstay.security.auth.AuthFlows;
import dev.mainstay.security.auth.Session;
import dev.mainstay.security.config.SecurityConfig;
import dev.mainstay.security.token.RefreshTokenStore;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The account routes exactly as the module README shows them, over {@link AuthFlows}. Users live in a
 * map here; a real service keeps them in its database. The body nests the fields under {@code user},
 * as RealWorld's does, to show that the password pointer is the app's to choose.
 */
final class FlowsApp {
    record User(String id, String email, String passwordHash) {}

    record Credentials(String email, String password) {}

    record Body(Credentials user) {}

    record RefreshRequest(String refreshToken) {}

    final Map<String, User> usersByEmail = new ConcurrentHashMap<>();
    private final RefreshTokenStore tokenStore;

    FlowsApp(RefreshTokenStore tokenStore) {
        this.tokenStore = tokenStore;
    }

    // --- README: begin
    static final Problem WRONG_CREDENTIALS = Problem.of(401, "Unauthorized").withDetail("Wrong e-mail or password.");
    static final Problem LOG_IN_AGAIN = Problem.of(401, "Unauthorized").withDetail("Log in again.");

    /** The app's users, as mainstay-security needs to see them. */
    final class Accounts implements AccountStore<User> {
        @Override
        public Optional<User> findByLogin(String email) {
            return Optional.ofNullable(usersByEmail.get(email));
        }

        @Override
        public Optional<User> findBySubject(String id) {
            return usersByEmail.values().stream().filter(u -> u.id().equals(id)).findFirst();
        }

        @Override
        public String subject(User user) {
            return user.id();
        }

        @Override
        public String passwordHash(User user) {
            return user.passwordHash();
        }

        @Override
        public void savePasswordHash(User user, String newHash) {
            usersByEmail.put(user.email(), new User(user.id(), user.email(), newHash));
        }

        Optional<User> insertIfAbsent(String email, String hash) {
            User user = new User(UUID.randomUUID().toString(), email, hash);
            return usersByEmail.putIfAbsent(email, user) == null ? Optional.of(user) : Optional.empty();
        }
    }

    void setup(MainstaySetup app) {
        SecurityConfig config = app.config().bind(MainstaySecurity::readConfig); // in your app: with your own keys
        MainstaySecurity security = MainstaySecurity.install(app, config, tokenStore, "/user/password");
        Accounts accounts = new Accounts();
        AuthFlows<User> auth = security.authFlows(accounts);

        app.javalin(cfg -> {
            cfg.routes.post("/users", ctx -> {
                Credentials body = Json.body(ctx, Body.class).user();
                String client = ClientAddress.of(ctx).throttleKey(); // 429 after too many from one address
                User user = auth.register(body.password(), client, hash -> accounts.insertIfAbsent(body.email(), hash));
                ctx.status(201).json(Map.of("id", user.id())); // 422 /user/password if weak, 409 if taken
            });
            cfg.routes.post("/users/login", ctx -> {
                Credentials body = Json.body(ctx, Body.class).user();
                Session<User> session = auth.login(body.email(), body.password(), ClientAddress.of(ctx).throttleKey()) // 429
                        .orElseThrow(WRONG_CREDENTIALS::toException);
                ctx.json(session.tokens());
            });
            cfg.routes.post("/token", ctx -> {
                String token = Json.body(ctx, RefreshRequest.class).refreshToken();
                ctx.json(auth.refresh(token).orElseThrow(LOG_IN_AGAIN::toException).tokens());
            });
            cfg.routes.post("/logout", ctx -> {
                auth.logout(Auth.principal(ctx).subject(), Json.body(ctx, RefreshRequest.class).refreshToken());
                ctx.status(204);
            }, Access.AUTHENTICATED);
            cfg.routes.get("/me", ctx -> ctx.json(Auth.principal(ctx)), Access.AUTHENTICATED);
        });
    }
    // --- README: end
}
