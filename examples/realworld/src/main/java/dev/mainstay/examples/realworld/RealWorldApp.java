package dev.mainstay.examples.realworld;

import dev.mainstay.core.Mainstay;
import dev.mainstay.core.MainstaySetup;
import dev.mainstay.core.problem.Validation;
import dev.mainstay.examples.realworld.articles.ArticleReader;
import dev.mainstay.examples.realworld.articles.ArticleRepository;
import dev.mainstay.examples.realworld.articles.ArticleRoutes;
import dev.mainstay.examples.realworld.articles.ArticleService;
import dev.mainstay.examples.realworld.articles.FavoriteRepository;
import dev.mainstay.examples.realworld.articles.Seeder;
import dev.mainstay.examples.realworld.articles.TagRepository;
import dev.mainstay.examples.realworld.comments.CommentRepository;
import dev.mainstay.examples.realworld.comments.CommentRoutes;
import dev.mainstay.examples.realworld.comments.CommentService;
import dev.mainstay.examples.realworld.common.RealWorldProblemWriter;
import dev.mainstay.examples.realworld.profiles.ProfileRepository;
import dev.mainstay.examples.realworld.profiles.ProfileRoutes;
import dev.mainstay.examples.realworld.profiles.ProfileService;
import dev.mainstay.examples.realworld.users.CurrentUser;
import dev.mainstay.examples.realworld.users.UserRepository;
import dev.mainstay.examples.realworld.users.UserRoutes;
import dev.mainstay.examples.realworld.users.UserService;
import dev.mainstay.persistence.Database;
import dev.mainstay.persistence.DatabaseConfig;
import dev.mainstay.persistence.web.MainstayPersistence;
import dev.mainstay.security.config.SecurityConfig;
import dev.mainstay.security.web.MainstaySecurity;
import io.javalin.http.Context;
import java.time.Clock;

/**
 * The RealWorld ("Conduit") API on Mainstay: the entry point, and the one place where the features are wired.
 *
 * <p>Run it with {@code main} (H2 in memory and port 8080 unless configured otherwise), or boot it in a
 * test with {@code MainstayApp.of(RealWorldApp::setup)}. Wiring reads top to bottom: config,
 * database, security, error format, repositories, services, routes.
 */
public final class RealWorldApp {
    private RealWorldApp() {}

    /**
     * Starts the API and serves until the process is stopped; exits with status 1 and an explanation
     * if the configuration is invalid or the database cannot be reached.
     */
    public static void main(String[] args) {
        Mainstay.run(RealWorldApp::setup);
    }

    /**
     * Declares the whole app on {@code setup}; {@link Mainstay#create} calls it once, on one thread.
     *
     * @throws dev.mainstay.core.config.ConfigException listing every invalid key, of every section
     * @throws dev.mainstay.persistence.DatabaseException when the database is unreachable or a migration fails
     */
    public static void setup(MainstaySetup setup) {
        Settings settings = setup.config().bind(r -> new Settings(
                MainstayPersistence.config(r), MainstaySecurity.readConfig(r), RealWorldConfig.from(r)));
        Database db = MainstayPersistence.install(setup, settings.database());
        UserRepository users = new UserRepository(db);
        // RealWorld has no refresh tokens, and nests the password in {"user": {...}}. With no refresh token
        // to revoke, a change of password or e-mail ends older sessions through the tokens' issue time.
        MainstaySecurity security = MainstaySecurity.installWithoutRefreshTokens(
                setup, settings.security(), "/user/password", extras -> extras.revocations = users::tokensValidAfter);
        setup.problemWriter(new RealWorldProblemWriter());

        Clock clock = Clock.systemUTC();
        ArticleRepository articles = new ArticleRepository(db);
        TagRepository tags = new TagRepository(db);
        UserService userService = new UserService(db, users, security, clock);
        ProfileService profileService = new ProfileService(users, new ProfileRepository(db));
        ArticleService articleService =
                new ArticleService(db, articles, new ArticleReader(db), tags, new FavoriteRepository(db), clock);
        CommentService commentService = new CommentService(articles, new CommentRepository(db), clock);

        if (settings.realworld().seedArticles() > 0) {
            new Seeder(db, users, articles, tags, clock)
                    .seed(settings.realworld().seedArticles(), security.passwordHasher());
        }
        CurrentUser currentUser = new CurrentUser();
        setup.javalin(cfg -> {
            cfg.routes.before("/api/*", RealWorldApp::refuseNulInQuery);
            new UserRoutes(userService, currentUser).addTo(cfg.routes);
            new ProfileRoutes(profileService, currentUser).addTo(cfg.routes);
            new ArticleRoutes(articleService, currentUser).addTo(cfg.routes);
            new CommentRoutes(commentService, currentUser).addTo(cfg.routes);
        });
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

    /** Every config section of the app, read in one {@code bind} so that start-up reports all problems at once. */
    private record Settings(DatabaseConfig database, SecurityConfig security, RealWorldConfig realworld) {}
}
