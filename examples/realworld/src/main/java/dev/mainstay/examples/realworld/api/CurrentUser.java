package dev.mainstay.examples.realworld.api;

import dev.mainstay.core.problem.Problem;
import dev.mainstay.examples.realworld.service.UserService;
import dev.mainstay.security.Principal;
import dev.mainstay.security.web.Auth;
import io.javalin.http.Context;

/**
 * The id of the signed-in user, read from the principal that mainstay-security's plugin verified from
 * {@code Authorization: Token <jwt>}. The token's subject is the user's id, and that user must still
 * exist: a validly signed token of a user who is gone is answered 401, like any other bad token.
 * Thread-safe.
 */
final class CurrentUser {
    private final UserService users;

    CurrentUser(UserService users) {
        this.users = users;
    }

    /** Returns the user's id on a route that requires a token ({@code Access.AUTHENTICATED}). */
    long id(Context ctx) {
        return idOf(Auth.principal(ctx));
    }

    /** Returns the user's id, or {@code null} when signed out, on a route where a token is optional. */
    Long idOrNull(Context ctx) {
        return Auth.optionalPrincipal(ctx).map(this::idOf).orElse(null);
    }

    private long idOf(Principal principal) {
        long id;
        try {
            id = Long.parseLong(principal.subject());
        } catch (NumberFormatException e) {
            // Signed by our key but not issued by this app (whose subjects are user ids).
            throw Problem.of(401, "Unauthorized")
                    .withDetail("the token does not name a user of this API")
                    .toException();
        }
        users.requireExisting(id);
        return id;
    }
}
