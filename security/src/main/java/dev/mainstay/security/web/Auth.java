package dev.mainstay.security.web;

import dev.mainstay.core.problem.ProblemException;
import dev.mainstay.security.Principal;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * Reads the authenticated principal of a request inside a handler.
 *
 * <pre>{@code
 * cfg.routes.get("/user", ctx -> ctx.json(users.find(Auth.principal(ctx).subject())), Access.AUTHENTICATED);
 * }</pre>
 *
 * <p>The {@link SecurityPlugin} stores the principal before the handler runs; these methods only read
 * it. Call them on the request thread.
 */
public final class Auth {
    static final String ATTRIBUTE = "mainstay.security.principal";

    private Auth() {}

    /**
     * Returns the principal of an authenticated request.
     *
     * @param ctx the request
     * @return the principal, never null
     * @throws ProblemException 401 if the request is not authenticated (the route forgot its role, or
     *     is {@link Access#OPTIONAL} and no token came)
     */
    public static Principal principal(Context ctx) {
        Principal principal = ctx.attribute(ATTRIBUTE);
        if (principal == null) {
            throw Challenges.missing(ctx).toException();
        }
        return principal;
    }

    /**
     * Returns the principal if the request carried a valid token; for {@link Access#OPTIONAL} routes.
     *
     * @param ctx the request
     * @return the principal, or empty for an anonymous request
     */
    public static Optional<Principal> optionalPrincipal(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }
}
