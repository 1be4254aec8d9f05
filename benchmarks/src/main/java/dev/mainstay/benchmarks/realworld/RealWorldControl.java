package dev.mainstay.benchmarks.realworld;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.sql.SQLException;
import java.util.Base64;

/**
 * The hand-written control of the RealWorld list benchmark: bare Javalin, raw JDBC on a HikariCP pool
 * of 10 (Mainstay's default), one SQL statement per page ({@link ArticlePageQuery}), and the same JSON
 * as examples/realworld, on the example's own PostgreSQL database.
 *
 * <p>Routes: {@code GET /api/articles} ({@code ?limit}, {@code ?offset}, {@code ?tag}; an
 * {@code Authorization: Token <jwt>} is optional) and {@code GET /api/articles/feed} (token required).
 * Tokens are the example's: HS256 with the same secret, issuer and audience; {@code sub} is the user id.
 * A token whose user is gone, or issued before the user's {@code tokens_valid_after}, is a 401, as in the
 * example (whose revocation hook reads that column on every signed-in request). Only what the benchmark
 * needs: no other filters, no validation problems beyond a 400.
 *
 * <p>Settings from the environment: {@code BENCH_PORT}, {@code BENCH_DB_URL}, {@code BENCH_JWT_SECRET}
 * (base64), {@code BENCH_JWT_ISSUER} ({@code mainstay-realworld}), {@code BENCH_JWT_AUDIENCE}
 * ({@code conduit}), {@code BENCH_VIRTUAL_THREADS} (true). It listens on 127.0.0.1 only.
 */
public final class RealWorldControl {
    private final HikariDataSource pool;
    private final JwtParser tokens;

    private RealWorldControl(HikariDataSource pool, JwtParser tokens) {
        this.pool = pool;
        this.tokens = tokens;
    }

    /** Starts the server; SIGTERM stops it. */
    public static void main(String[] args) {
        int port = Integer.parseInt(env("BENCH_PORT", "18087"));
        JwtParser tokens = Jwts.parser()
                .verifyWith(Keys.hmacShaKeyFor(
                        Base64.getDecoder().decode(env("BENCH_JWT_SECRET", "").strip())))
                .requireIssuer(env("BENCH_JWT_ISSUER", "mainstay-realworld"))
                .requireAudience(env("BENCH_JWT_AUDIENCE", "conduit"))
                .build();
        RealWorldControl control = new RealWorldControl(pool(env("BENCH_DB_URL", "")), tokens);
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.host = "127.0.0.1";
            cfg.jetty.port = port;
            cfg.concurrency.useVirtualThreads = Boolean.parseBoolean(env("BENCH_VIRTUAL_THREADS", "true"));
            cfg.routes.get("/api/articles", control::list);
            cfg.routes.get("/api/articles/feed", control::feed);
        });
        app.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            control.pool.close();
        }));
        System.out.println("RealWorld control ready on port " + app.port());
    }

    private void list(Context ctx) throws SQLException {
        String tag = ctx.queryParam("tag");
        ArticlePageQuery.Filter filter = tag == null ? ArticlePageQuery.Filter.ALL : ArticlePageQuery.Filter.TAG;
        respond(ctx, filter, tag, viewer(ctx));
    }

    private void feed(Context ctx) throws SQLException {
        Viewer viewer = viewer(ctx);
        if (viewer == null) {
            throw new UnauthorizedResponse();
        }
        respond(ctx, ArticlePageQuery.Filter.FEED, viewer.id(), viewer);
    }

    private void respond(Context ctx, ArticlePageQuery.Filter filter, Object argument, Viewer viewer)
            throws SQLException {
        int limit = number(ctx, "limit", 20, 1, 100);
        int offset = number(ctx, "offset", 0, 0, 1_000_000);
        ArticlePageQuery.Result result = ArticlePageQuery.page(pool, filter, argument,
                viewer == null ? null : viewer.id(), viewer == null ? 0 : viewer.issuedAt(), limit, offset);
        if (result.viewerRefused()) {
            throw new UnauthorizedResponse();
        }
        ctx.json(result.page());
    }

    /** A signed-in user: the token's {@code sub} and {@code iat} (epoch seconds; 0 without one). */
    private record Viewer(long id, long issuedAt) {}

    /** The user of {@code Authorization: Token <jwt>}, null without the header, 401 for a bad token. */
    private Viewer viewer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null) {
            return null;
        }
        if (!header.startsWith("Token ")) {
            throw new UnauthorizedResponse();
        }
        try {
            var jws = tokens.parseSignedClaims(header.substring(6));
            if (!"at+jwt".equals(jws.getHeader().getType())) {
                throw new UnauthorizedResponse();
            }
            var issuedAt = jws.getPayload().getIssuedAt();
            return new Viewer(
                    Long.parseLong(jws.getPayload().getSubject()), issuedAt == null ? 0 : issuedAt.getTime() / 1000);
        } catch (JwtException | NumberFormatException e) {
            throw new UnauthorizedResponse();
        }
    }

    /** A whole-number query parameter in {@code min..max}, or {@code fallback} when absent; else a 400. */
    private static int number(Context ctx, String name, int fallback, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the 400
        }
        throw new BadRequestResponse(name + " must be a whole number from " + min + " to " + max);
    }

    private static HikariDataSource pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("realworld-control");
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(10);
        config.setMinimumIdle(10);
        config.setConnectionTimeout(3_000);
        return new HikariDataSource(config);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
