package dev.mainstay.benchmarks.load;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.mainstay.benchmarks.Items;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The control of the load harness: bare Javalin 7 with its default Jackson mapper, and raw JDBC on a
 * HikariCP pool sized and timed like Mainstay's default. Nothing else: no request ids, access log,
 * metrics, security headers or problem+json.
 *
 * <p>{@code POST /login} and {@code GET /health/ready} exist for the login-flood scenario (see
 * {@link BaselineLogin}).
 *
 * <p>Settings come from the environment, as the harness passes them: {@code BENCH_PORT} (18081),
 * {@code BENCH_DB_URL} (empty: no pool and no {@code /items} route, for the start-up measurement) and
 * {@code BENCH_VIRTUAL_THREADS} (true: use them where the JDK has them, as Mainstay does).
 */
public final class BaselineServer {
    private BaselineServer() {}

    /** Starts the server; SIGTERM stops it. */
    public static void main(String[] args) throws SQLException {
        int port = Integer.parseInt(env("BENCH_PORT", "18081"));
        String dbUrl = env("BENCH_DB_URL", "");
        HikariDataSource pool = dbUrl.isEmpty() ? null : pool(dbUrl);
        if (pool != null) {
            Items.prepare(pool);
        }
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.host = "127.0.0.1";
            cfg.jetty.port = port;
            cfg.concurrency.useVirtualThreads = Boolean.parseBoolean(env("BENCH_VIRTUAL_THREADS", "true"));
            cfg.routes.get("/json", Routes::json);
            cfg.routes.get("/validate", Routes::validate);
            cfg.routes.post("/login", new BaselineLogin()::handle);
            if (pool != null) {
                cfg.routes.get("/items/{id}", ctx -> Routes.item(ctx, Items.readJdbc(pool, Routes.id(ctx))));
                cfg.routes.get("/health/ready", ctx -> ready(ctx, pool));
            }
        });
        app.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            if (pool != null) {
                pool.close();
            }
        }));
        System.out.println("baseline ready on port " + app.port() + " (" + threads() + ")");
    }

    /** A readiness probe as a bare app writes it: can it get a valid connection? */
    private static void ready(Context ctx, DataSource pool) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            boolean valid = connection.isValid(2);
            ctx.status(valid ? 200 : 503).result(valid ? "UP" : "DOWN");
        }
    }

    /** The same pool Mainstay opens by default: 10 connections, fixed size, 3 s connection timeout. */
    private static HikariDataSource pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("baseline");
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(10);
        config.setMinimumIdle(10);
        config.setConnectionTimeout(3_000);
        return new HikariDataSource(config);
    }

    private static String threads() {
        boolean wanted = Boolean.parseBoolean(env("BENCH_VIRTUAL_THREADS", "true"));
        return wanted && Runtime.version().feature() >= 21 ? "virtual threads" : "platform threads";
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
