package ${package}.auth;

import dev.mainstay.core.Json;
import dev.mainstay.security.web.Access;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Map;

/** The HTTP side of accounts: {@code /api/auth/*} and {@code /api/me}. */
public final class AuthRoutes {
    private final AuthService auth;

    /**
     * Creates the routes over {@code auth}.
     *
     * @param auth the account rules
     */
    public AuthRoutes(AuthService auth) {
        this.auth = auth;
    }

    /**
     * Registers the routes.
     *
     * @param cfg the app's Javalin configuration, during set-up
     */
    public void install(JavalinConfig cfg) {
        cfg.routes.post("/api/auth/register", this::register);
        cfg.routes.post("/api/auth/login", this::login);
        cfg.routes.post("/api/auth/refresh", this::refresh);
        cfg.routes.post("/api/auth/logout", this::logout, Access.AUTHENTICATED);
        cfg.routes.get("/api/me", this::me, Access.AUTHENTICATED);
    }

    private void register(Context ctx) {
        User user = auth.register(Json.body(ctx, Credentials.class));
        ctx.status(201).json(Map.of("id", user.id(), "email", user.email()));
    }

    private void login(Context ctx) {
        ctx.json(auth.login(Json.body(ctx, Credentials.class), ctx.ip()));
    }

    private void refresh(Context ctx) {
        ctx.json(auth.refresh(Json.body(ctx, RefreshRequest.class)));
    }

    private void logout(Context ctx) {
        auth.logout(Caller.id(ctx), Json.body(ctx, RefreshRequest.class));
        ctx.status(204);
    }

    private void me(Context ctx) {
        ctx.json(UserView.of(auth.account(Caller.id(ctx))));
    }
}
