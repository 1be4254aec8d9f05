package dev.mainstay.examples.realworld.users;

import dev.mainstay.core.ClientAddress;
import dev.mainstay.core.Json;
import dev.mainstay.security.web.Access;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** The "User and Authentication" operations: register, login, and the current user. */
public final class UserRoutes {
    private final UserService users;
    private final CurrentUser currentUser;

    /** Creates the routes over {@code users}, reading the signed-in user with {@code currentUser}. */
    public UserRoutes(UserService users, CurrentUser currentUser) {
        this.users = users;
        this.currentUser = currentUser;
    }

    /** Registers this feature's operations on {@code routes}. */
    public void addTo(RoutesConfig routes) {
        routes.post("/api/users/login", this::login);
        routes.post("/api/users", this::register);
        routes.get("/api/user", this::current, Access.AUTHENTICATED);
        routes.put("/api/user", this::update, Access.AUTHENTICATED);
    }

    private void login(Context ctx) {
        ctx.json(new User.Response(
                users.login(Json.body(ctx, LoginUser.Request.class).user(), ClientAddress.of(ctx).throttleKey())));
    }

    private void register(Context ctx) {
        ctx.status(201)
                .json(new User.Response(
                        users.register(Json.body(ctx, NewUser.Request.class).user(), ClientAddress.of(ctx).throttleKey())));
    }

    private void current(Context ctx) {
        ctx.json(new User.Response(users.current(currentUser.id(ctx))));
    }

    private void update(Context ctx) {
        long userId = currentUser.id(ctx);
        ctx.json(new User.Response(
                users.update(userId, Json.body(ctx, UpdateUser.Request.class).user())));
    }
}
