package dev.mainstay.examples.realworld.api;

import dev.mainstay.core.problem.Validation;
import dev.mainstay.examples.realworld.service.ArticleService;
import dev.mainstay.examples.realworld.service.CommentService;
import dev.mainstay.examples.realworld.service.ProfileService;
import dev.mainstay.examples.realworld.service.UserService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The HTTP layer of the RealWorld API: the spec's 19 operations as ordinary Javalin routes under {@code /api}.
 *
 * <p>Handlers read the request (path, query, JSON body, the signed-in user), call one service method,
 * and write the status and JSON; they hold no logic of their own. Routes that need a token carry
 * {@code Access.AUTHENTICATED}, those that read one if present {@code Access.OPTIONAL}, and public ones
 * no role, for mainstay-security's plugin to enforce.
 */
public final class RealWorldApi {
    private final UserRoutes users;
    private final ProfileRoutes profiles;
    private final ArticleRoutes articles;
    private final CommentRoutes comments;

    /** Creates the routes over the given services. */
    public RealWorldApi(UserService users, ProfileService profiles, ArticleService articles, CommentService comments) {
        CurrentUser currentUser = new CurrentUser(users);
        this.users = new UserRoutes(users, currentUser);
        this.profiles = new ProfileRoutes(profiles, currentUser);
        this.articles = new ArticleRoutes(articles, currentUser);
        this.comments = new CommentRoutes(comments, currentUser);
    }

    /** Registers every operation; call it from {@code setup.javalin(cfg -> api.addTo(cfg.routes))}. */
    public void addTo(RoutesConfig routes) {
        routes.before("/api/*", RealWorldApi::refuseNulInQuery);
        users.addTo(routes);
        profiles.addTo(routes);
        articles.addTo(routes);
        comments.addTo(routes);
    }

    /**
     * Answers 422 for a NUL character in a query parameter: no tag, username or e-mail contains one, and
     * PostgreSQL fails a query that compares text with it instead of finding nothing.
     */
    private static void refuseNulInQuery(Context ctx) {
        Validation v = Validation.start();
        ctx.queryParamMap().forEach((name, values) -> values.forEach(
                value -> v.check(value.indexOf('\0') < 0, "?" + name, "must not contain a NUL character")));
        v.throwIfInvalid();
    }
}
