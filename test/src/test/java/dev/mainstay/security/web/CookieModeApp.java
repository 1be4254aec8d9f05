package dev.mainstay.security.web;

import dev.mainstay.core.Json;
import dev.mainstay.core.MainstaySetup;
import dev.mainstay.core.problem.Problem;
import dev.mainstay.security.auth.AuthFlows;
import dev.mainstay.security.config.SecurityConfig;
import dev.mainstay.security.token.InMemoryRefreshTokenStore;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@link FlowsApp}'s users with token routes under {@code /auth} that speak both forms: JSON bodies,
 * and the cookie mode of {@link BrowserSession}, and static pages from a folder.
 */
final class CookieModeApp {
    private static final Problem LOG_IN_AGAIN = Problem.of(401, "Unauthorized").withDetail("Log in again.");

    private final FlowsApp users = new FlowsApp(new InMemoryRefreshTokenStore());
    private final Path pages;

    CookieModeApp(Path pages) {
        this.pages = pages;
    }

    void setup(MainstaySetup app) {
        SecurityConfig config = app.config().bind(MainstaySecurity::readConfig);
        MainstaySecurity security = MainstaySecurity.install(app, config, new InMemoryRefreshTokenStore(), "/password");
        FlowsApp.Accounts accounts = users.new Accounts();
        AuthFlows<FlowsApp.User> auth = security.authFlows(accounts);
        BrowserSession browser = security.browserSession("/auth");

        app.javalin(cfg -> {
            cfg.routes.post("/auth/register", ctx -> {
                FlowsApp.Credentials body = Json.body(ctx, FlowsApp.Credentials.class);
                auth.register(body.password(), "test", hash -> accounts.insertIfAbsent(body.email(), hash));
                ctx.status(201);
            });
            cfg.routes.post("/auth/login", ctx -> {
                FlowsApp.Credentials body = Json.body(ctx, FlowsApp.Credentials.class);
                browser.sendTokens(ctx, () -> auth.login(body.email(), body.password(), "test")
                        .orElseThrow(LOG_IN_AGAIN::toException)
                        .tokens());
            });
            cfg.routes.post("/auth/refresh", ctx -> {
                browser.sendTokens(ctx, () -> browser.refreshToken(ctx, CookieModeApp::bodyToken)
                        .flatMap(auth::refresh)
                        .orElseThrow(LOG_IN_AGAIN::toException)
                        .tokens());
            });
            cfg.routes.post(
                    "/auth/logout",
                    ctx -> {
                        browser.refreshToken(ctx, CookieModeApp::bodyToken)
                                .ifPresent(token -> auth.logout(Auth.principal(ctx).subject(), token));
                        browser.endSession(ctx);
                        ctx.status(204);
                    },
                    Access.AUTHENTICATED);
            cfg.routes.get("/api/data", ctx -> ctx.json(Map.of("ok", true)));
            WebPages.serve(cfg, "/", pages.toString(), Location.EXTERNAL);
        });
    }

    private static String bodyToken(Context ctx) {
        return Json.body(ctx, FlowsApp.RefreshRequest.class).refreshToken();
    }
}
