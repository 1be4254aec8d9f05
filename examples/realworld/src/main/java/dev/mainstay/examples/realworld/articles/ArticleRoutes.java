package dev.mainstay.examples.realworld.articles;

import dev.mainstay.core.Json;
import dev.mainstay.examples.realworld.users.CurrentUser;
import dev.mainstay.security.web.Access;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** The "Articles", "Favorites" and "Tags" operations. */
public final class ArticleRoutes {
    private final ArticleService articles;
    private final CurrentUser currentUser;

    /** Creates the routes over {@code articles}, reading the signed-in user with {@code currentUser}. */
    public ArticleRoutes(ArticleService articles, CurrentUser currentUser) {
        this.articles = articles;
        this.currentUser = currentUser;
    }

    /** Registers this feature's operations on {@code routes}. */
    public void addTo(RoutesConfig routes) {
        routes.get("/api/articles", this::list, Access.OPTIONAL);
        // Before {slug}: Javalin takes the first route that matches, so "feed" is never read as a slug.
        routes.get("/api/articles/feed", this::feed, Access.AUTHENTICATED);
        routes.post("/api/articles", this::create, Access.AUTHENTICATED);
        routes.get("/api/articles/{slug}", this::get, Access.OPTIONAL);
        routes.put("/api/articles/{slug}", this::update, Access.AUTHENTICATED);
        routes.delete("/api/articles/{slug}", this::delete, Access.AUTHENTICATED);
        routes.post("/api/articles/{slug}/favorite", this::favorite, Access.AUTHENTICATED);
        routes.delete("/api/articles/{slug}/favorite", this::unfavorite, Access.AUTHENTICATED);
        routes.get("/api/tags", this::tags);
    }

    private void list(Context ctx) {
        ArticleFilter filter =
                ArticleFilter.of(ctx.queryParam("tag"), ctx.queryParam("author"), ctx.queryParam("favorited"));
        PagingParams paging = PagingParams.of(ctx);
        ctx.json(articles.list(filter, currentUser.idOrNull(ctx), paging.limit(), paging.offset()));
    }

    private void feed(Context ctx) {
        long userId = currentUser.id(ctx);
        PagingParams paging = PagingParams.of(ctx);
        ctx.json(articles.list(ArticleFilter.feed(userId), userId, paging.limit(), paging.offset()));
    }

    private void create(Context ctx) {
        long userId = currentUser.id(ctx);
        Article article =
                articles.create(userId, Json.body(ctx, NewArticle.Request.class).article());
        ctx.status(201).json(new Article.Response(article));
    }

    private void get(Context ctx) {
        ctx.json(new Article.Response(articles.get(ctx.pathParam("slug"), currentUser.idOrNull(ctx))));
    }

    private void update(Context ctx) {
        long userId = currentUser.id(ctx);
        UpdateArticle changes = Json.body(ctx, UpdateArticle.Request.class).article();
        ctx.json(new Article.Response(articles.update(userId, ctx.pathParam("slug"), changes)));
    }

    private void delete(Context ctx) {
        articles.delete(currentUser.id(ctx), ctx.pathParam("slug"));
        ctx.status(204);
    }

    private void favorite(Context ctx) {
        ctx.json(new Article.Response(articles.favorite(currentUser.id(ctx), ctx.pathParam("slug"))));
    }

    private void unfavorite(Context ctx) {
        ctx.json(new Article.Response(articles.unfavorite(currentUser.id(ctx), ctx.pathParam("slug"))));
    }

    private void tags(Context ctx) {
        ctx.json(new Tags(articles.tags()));
    }
}
