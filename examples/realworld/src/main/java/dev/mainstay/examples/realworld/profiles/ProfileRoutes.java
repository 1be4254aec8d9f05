package dev.mainstay.examples.realworld.profiles;

import dev.mainstay.examples.realworld.users.CurrentUser;
import dev.mainstay.security.web.Access;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** The "Profile" operations: read a profile, follow and unfollow. */
public final class ProfileRoutes {
    private final ProfileService profiles;
    private final CurrentUser currentUser;

    /** Creates the routes over {@code profiles}, reading the signed-in user with {@code currentUser}. */
    public ProfileRoutes(ProfileService profiles, CurrentUser currentUser) {
        this.profiles = profiles;
        this.currentUser = currentUser;
    }

    /** Registers this feature's operations on {@code routes}. */
    public void addTo(RoutesConfig routes) {
        routes.get("/api/profiles/{username}", this::get, Access.OPTIONAL);
        routes.post("/api/profiles/{username}/follow", this::follow, Access.AUTHENTICATED);
        routes.delete("/api/profiles/{username}/follow", this::unfollow, Access.AUTHENTICATED);
    }

    private void get(Context ctx) {
        ctx.json(new Profile.Response(profiles.get(ctx.pathParam("username"), currentUser.idOrNull(ctx))));
    }

    private void follow(Context ctx) {
        ctx.json(new Profile.Response(profiles.follow(currentUser.id(ctx), ctx.pathParam("username"))));
    }

    private void unfollow(Context ctx) {
        ctx.json(new Profile.Response(profiles.unfollow(currentUser.id(ctx), ctx.pathParam("username"))));
    }
}
