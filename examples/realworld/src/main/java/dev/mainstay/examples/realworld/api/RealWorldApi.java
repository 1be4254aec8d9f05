package dev.mainstay.examples.realworld.api;

import dev.mainstay.examples.realworld.service.ArticleService;
import dev.mainstay.examples.realworld.service.CommentService;
import dev.mainstay.examples.realworld.service.ProfileService;
import dev.mainstay.examples.realworld.service.UserService;
import io.javalin.config.RoutesConfig;

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
        this.users = new UserRoutes(users);
        this.profiles = new ProfileRoutes(profiles);
        this.articles = new ArticleRoutes(articles);
        this.comments = new CommentRoutes(comments);
    }

    /** Registers every operation; call it from {@code setup.javalin(cfg -> api.addTo(cfg.routes))}. */
    public void addTo(RoutesConfig routes) {
        users.addTo(routes);
        profiles.addTo(routes);
        articles.addTo(routes);
        comments.addTo(routes);
    }
}
