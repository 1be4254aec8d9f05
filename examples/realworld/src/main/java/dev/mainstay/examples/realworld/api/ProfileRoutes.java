package dev.mainstay.examples.realworld.api;

import dev.mainstay.examples.realworld.dto.Profile;
import dev.mainstay.examples.realworld.service.ProfileService;
import dev.mainstay.security.web.Access;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** The "Profile" operations: read a profile, follow and unfollow. */
final class ProfileRoutes {
    private final ProfileService profiles;
    private final CurrentUser currentUser;

    ProfileRoutes(ProfileService profiles, CurrentUser currentUser) {
        this.profiles = profiles;
        this.currentUser = currentUser;
    }

    void addTo(RoutesConfig routes) {
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
