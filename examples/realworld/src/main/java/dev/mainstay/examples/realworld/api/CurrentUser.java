package dev.mainstay.examples.realworld.api;

import dev.mainstay.core.problem.Problem;
import dev.mainstay.security.Principal;
import dev.mainstay.security.web.Auth;
import io.javalin.http.Context;

/**
 * The id of the signed-in user, read from the principal that mainstay-security's plugin verified from
 * {@code Authorization: Token <jwt>}. The token's subject is the user's id.
 */
final class CurrentUser {
    private CurrentUser() {}

    /** Returns the user's id on a route that requires a token ({@code Access.AUTHENTICATED}). */
    static long id(Context ctx) {
        return idOf(Auth.principal(ctx));
    }

    /** Returns the user's id, or {@code null} when signed out, on a route where a token is optional. */
    static Long idOrNull(Context ctx) {
        return Auth.optionalPrincipal(ctx).map(CurrentUser::idOf).orElse(null);
    }

    private static long idOf(Principal principal) {
        try {
            return Long.parseLong(principal.subject());
        } catch (NumberFormatException e) {
            // Signed by our key but not issued by this app (whose subjects are user ids).
            throw Problem.of(401, "Unauthorized")
                    .withDetail("the token does not name a user of this API")
                    .toException();
        }
    }
}
