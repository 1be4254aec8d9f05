package dev.mainstay.examples.realworld;

import dev.mainstay.core.Mainstay;
import dev.mainstay.core.MainstaySetup;
import dev.mainstay.examples.realworld.api.RealWorldApi;
import dev.mainstay.examples.realworld.api.RealWorldProblemWriter;
import dev.mainstay.examples.realworld.repository.ArticleReader;
import dev.mainstay.examples.realworld.repository.ArticleRepository;
import dev.mainstay.examples.realworld.repository.CommentRepository;
import dev.mainstay.examples.realworld.repository.FavoriteRepository;
import dev.mainstay.examples.realworld.repository.ProfileRepository;
import dev.mainstay.examples.realworld.repository.TagRepository;
import dev.mainstay.examples.realworld.repository.UserRepository;
import dev.mainstay.examples.realworld.service.ArticleService;
import dev.mainstay.examples.realworld.service.CommentService;
import dev.mainstay.examples.realworld.service.ProfileService;
import dev.mainstay.examples.realworld.service.Seeder;
import dev.mainstay.examples.realworld.service.UserService;
import dev.mainstay.persistence.Database;
import dev.mainstay.persistence.DatabaseConfig;
import dev.mainstay.persistence.web.MainstayPersistence;
import dev.mainstay.security.config.SecurityConfig;
import dev.mainstay.security.web.MainstaySecurity;
import java.time.Clock;

/**
 * The RealWorld ("Conduit") API on Mainstay: the entry point, and the one place where the layers are wired.
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
        // RealWorld has no refresh tokens, and nests the password in {"user": {...}}.
        MainstaySecurity security =
                MainstaySecurity.installWithoutRefreshTokens(setup, settings.security(), "/user/password");
        setup.problemWriter(new RealWorldProblemWriter());

        Clock clock = Clock.systemUTC();
        UserRepository users = new UserRepository();
        ArticleRepository articles = new ArticleRepository();
        TagRepository tags = new TagRepository();
        UserService userService = new UserService(db, users, security, clock);
        ProfileService profileService = new ProfileService(db, users, new ProfileRepository());
        ArticleService articleService =
                new ArticleService(db, articles, new ArticleReader(tags), tags, new FavoriteRepository(), clock);
        CommentService commentService = new CommentService(db, articles, new CommentRepository(), clock);

        if (settings.realworld().seedArticles() > 0) {
            new Seeder(db, users, articles, tags, clock)
                    .seed(settings.realworld().seedArticles(), security.passwordHasher());
        }
        RealWorldApi api = new RealWorldApi(userService, profileService, articleService, commentService);
        setup.javalin(cfg -> api.addTo(cfg.routes));
    }

    /** Every config section of the app, read in one {@code bind} so that start-up reports all problems at once. */
    private record Settings(DatabaseConfig database, SecurityConfig security, RealWorldConfig realworld) {}
}
