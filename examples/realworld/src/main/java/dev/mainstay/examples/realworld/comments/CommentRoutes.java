package dev.mainstay.examples.realworld.comments;

import dev.mainstay.core.Json;
import dev.mainstay.core.problem.Problem;
import dev.mainstay.core.problem.Validation;
import dev.mainstay.examples.realworld.users.CurrentUser;
import dev.mainstay.security.web.Access;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** The "Comments" operations. */
public final class CommentRoutes {
    private final CommentService comments;
    private final CurrentUser currentUser;

    /** Creates the routes over {@code comments}, reading the signed-in user with {@code currentUser}. */
    public CommentRoutes(CommentService comments, CurrentUser currentUser) {
        this.comments = comments;
        this.currentUser = currentUser;
    }

    /** Registers this feature's operations on {@code routes}. */
    public void addTo(RoutesConfig routes) {
        routes.get("/api/articles/{slug}/comments", this::list, Access.OPTIONAL);
        routes.post("/api/articles/{slug}/comments", this::add, Access.AUTHENTICATED);
        routes.delete("/api/articles/{slug}/comments/{id}", this::delete, Access.AUTHENTICATED);
    }

    private void list(Context ctx) {
        ctx.json(new Comment.ListResponse(comments.list(ctx.pathParam("slug"), currentUser.idOrNull(ctx))));
    }

    private void add(Context ctx) {
        long userId = currentUser.id(ctx);
        NewComment comment = Json.body(ctx, NewComment.Request.class).comment();
        // The spec answers 200 here, not 201 as for users and articles.
        ctx.json(new Comment.Response(comments.add(userId, ctx.pathParam("slug"), comment)));
    }

    private void delete(Context ctx) {
        long userId = currentUser.id(ctx);
        comments.delete(userId, ctx.pathParam("slug"), commentId(ctx));
        ctx.status(204);
    }

    private static long commentId(Context ctx) {
        // Not a number cannot name a comment: the same answer as a number that names none.
        return Validation.parseWholeNumber(ctx.pathParam("id"), Long.MIN_VALUE, Long.MAX_VALUE)
                .orElseThrow(() -> Problem.of(404, "Not Found").withDetail("comment not found").toException());
    }
}
