package dev.mainstay.benchmarks.load;

import dev.mainstay.benchmarks.Items;
import dev.mainstay.core.Mainstay;
import dev.mainstay.core.MainstaySetup;
import dev.mainstay.persistence.Database;
import dev.mainstay.persistence.DatabaseConfig;
import dev.mainstay.persistence.web.MainstayPersistence;
import dev.mainstay.security.config.SecurityConfig;
import dev.mainstay.security.web.Access;
import dev.mainstay.security.web.MainstaySecurity;
import java.sql.SQLException;

/**
 * The measured side of the load harness: the same handlers as {@link BaselineServer}, in a full
 * Mainstay app (request ids, access log, metrics, security headers, problem+json, health with a
 * database check) with mainstay-security and mainstay-persistence installed from config.
 *
 * <p>Routes: {@code GET /json}; {@code GET /auth/json} (the same, behind JWT authentication);
 * {@code GET /items/{id}} (jOOQ through {@code Database}); {@code GET /validate}; {@code POST /login}
 * (bcrypt and a token, see {@link BenchLogin}); and core's {@code /health/*} and {@code /metrics}.
 * All settings are Mainstay config keys ({@code MAINSTAY_*} environment variables), as the harness
 * passes them.
 */
public final class MainstayServer {
    private MainstayServer() {}

    /** Starts the app; SIGTERM drains and stops it. */
    public static void main(String[] args) {
        Mainstay.run(MainstayServer::setup);
    }

    /** Declares the app. */
    static void setup(MainstaySetup app) {
        Settings settings = app.config()
                .bind(r -> new Settings(MainstayPersistence.config(r), MainstaySecurity.readConfig(r)));
        Database db = MainstayPersistence.install(app, settings.database());
        prepare(db);
        // The login route issues an access token only, as the controls do: no refresh-token store.
        MainstaySecurity security = MainstaySecurity.installWithoutRefreshTokens(app, settings.security(), "/password");
        BenchLogin login = new BenchLogin(security);
        app.javalin(cfg -> {
            cfg.routes.get("/json", Routes::json);
            cfg.routes.get("/auth/json", Routes::json, Access.AUTHENTICATED);
            cfg.routes.get("/items/{id}", ctx -> Routes.item(ctx, Items.readJooq(db.dsl(), Routes.id(ctx))));
            cfg.routes.get("/validate", Routes::validate);
            cfg.routes.post("/login", login::handle);
        });
    }

    private static void prepare(Database db) {
        try {
            Items.prepare(db.dataSource());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the benchmark table", e);
        }
    }

    private record Settings(DatabaseConfig database, SecurityConfig security) {}
}
