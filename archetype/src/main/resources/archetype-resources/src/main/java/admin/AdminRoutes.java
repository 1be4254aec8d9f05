package ${package}.admin;

import ${package}.auth.User;
import ${package}.auth.UserRepository;
import ${package}.auth.UserView;
import dev.mainstay.persistence.page.PageRequest;
import dev.mainstay.security.web.Role;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

/** {@code /api/admin/*}: routes for the role {@code admin} only; anyone else gets 403 (or 401). */
public final class AdminRoutes {
    private static final Role ADMIN = Role.of(User.ROLE_ADMIN);

    private final UserRepository users;

    /**
     * Creates the routes over {@code users}.
     *
     * @param users where accounts are stored
     */
    public AdminRoutes(UserRepository users) {
        this.users = users;
    }

    /**
     * Registers the routes.
     *
     * @param cfg the app's Javalin configuration, during set-up
     */
    public void install(JavalinConfig cfg) {
        cfg.routes.get("/api/admin/users", this::listUsers, ADMIN);
    }

    private void listUsers(Context ctx) {
        PageRequest request = PageRequest.parse(ctx.queryParam("limit"), ctx.queryParam("cursor"));
        ctx.json(users.list(request).map(UserView::of));
    }
}
