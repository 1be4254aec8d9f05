package ${package};

import ${package}.admin.AdminBootstrap;
import ${package}.admin.AdminRoutes;
import ${package}.auth.AuthRoutes;
import ${package}.auth.AuthService;
import ${package}.auth.RefreshTokenCleanup;
import ${package}.auth.UserRepository;
import ${package}.docs.ApiDocs;
import ${package}.notes.NoteRepository;
import ${package}.notes.NoteRoutes;
import dev.mainstay.core.MainstaySetup;
import dev.mainstay.persistence.Database;
import dev.mainstay.persistence.DatabaseConfig;
import dev.mainstay.persistence.security.DatabaseRefreshTokenStore;
import dev.mainstay.security.token.RefreshTokenStore;
import dev.mainstay.security.web.MainstaySecurity;
import dev.mainstay.security.web.SecurityConfig;

/**
 * The composition root: reads the settings, builds every part of the service and wires them
 * together. Start reading the service here; each feature lives in its own package.
 */
public final class App {
    private App() {}

    /** Every setting of the service, read and checked together at start-up. */
    private record Settings(AppConfig app, DatabaseConfig database, SecurityConfig security) {}

    /**
     * Declares the service on a Mainstay app; {@link Main} and the tests call it.
     *
     * @param setup the app being created
     * @throws dev.mainstay.core.config.ConfigException listing every invalid setting at once
     */
    public static void configure(MainstaySetup setup) {
        Settings settings = setup.config().bind(r -> {
            SecurityConfig security = SecurityConfig.from(r);
            return new Settings(AppConfig.from(r, security.password().policy()), DatabaseConfig.from(r), security);
        });
        Database db = setup.manage(Database.create(settings.database()));
        db.bindTo(setup.meterRegistry());
        setup.readiness("database", db.healthCheck());
        RefreshTokenStore refreshTokens = DatabaseRefreshTokenStore.create(db);
        setup.manage(RefreshTokenCleanup.start(refreshTokens));

        MainstaySecurity security = MainstaySecurity.install(setup, settings.security(), refreshTokens);
        UserRepository users = new UserRepository(db);
        AdminBootstrap.ensureAdmin(settings.app(), users, security.passwordHasher());
        AuthService auth = new AuthService(users, security, refreshTokens);

        setup.javalin(cfg -> {
            new AuthRoutes(auth).install(cfg);
            new NoteRoutes(new NoteRepository(db)).install(cfg);
            new AdminRoutes(users).install(cfg);
            ApiDocs.install(cfg);
        });
    }
}
