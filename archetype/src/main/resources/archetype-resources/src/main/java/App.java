package ${package};

import ${package}.admin.AdminBootstrap;
import ${package}.admin.AdminRoutes;
import ${package}.auth.AuthRoutes;
import ${package}.auth.UserRepository;
import ${package}.docs.ApiDocs;
import ${package}.notes.NoteRepository;
import ${package}.notes.NoteRoutes;
import dev.mainstay.core.MainstaySetup;
import dev.mainstay.persistence.Database;
import dev.mainstay.persistence.DatabaseConfig;
import dev.mainstay.persistence.security.DatabaseRefreshTokenStore;
import dev.mainstay.persistence.web.MainstayPersistence;
import dev.mainstay.security.config.SecurityConfig;
import dev.mainstay.security.web.MainstaySecurity;
import dev.mainstay.security.web.WebPages;

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
            SecurityConfig security = MainstaySecurity.readConfig(r);
            return new Settings(
                    AppConfig.from(r, security.password().policy()), MainstayPersistence.config(r), security);
        });
        Database db = MainstayPersistence.install(setup, settings.database());
        MainstaySecurity security = MainstaySecurity.install(
                setup,
                settings.security(),
                DatabaseRefreshTokenStore.create(db),
                "/password",
                // security.throttle.store: "database" (the default here) counts logins for every instance at once.
                extras -> extras.throttleStore = MainstayPersistence.throttleStore(setup, db));
        UserRepository users = new UserRepository(db);
        AdminBootstrap.ensureAdmin(settings.app(), users, security.passwordHasher());

        setup.javalin(cfg -> {
            new AuthRoutes(security, users).install(cfg);
            new NoteRoutes(new NoteRepository(db), MainstayPersistence.idempotency(setup, db)).install(cfg);
            new AdminRoutes(users).install(cfg);
            ApiDocs.install(cfg);
            // The web client (src/main/resources/web) at /, with a page CSP of its own (README, "Front-end").
            WebPages.serve(cfg, "/", "/web");
        });
    }
}
