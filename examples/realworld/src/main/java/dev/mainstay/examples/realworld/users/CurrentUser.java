package dev.mainstay.examples.realworld.users;

import dev.mainstay.core.problem.Problem;
import dev.mainstay.core.problem.Validation;
import dev.mainstay.security.Principal;
import dev.mainstay.security.web.Auth;
import io.javalin.http.Context;
import java.util.OptionalLong;

/**
 * The id of the signed-in user, read from the principal that mainstay-security's plugin verified from
 * {@code Authorization: Token <jwt>}. The token's subject is the user's id. The plugin has already
 * refused the token of a user who no longer exists, or who changed password or e-mail after it was
 * issued ({@link UserRepository#tokensValidAfter(String)}). Thread-safe.
 */
public final class CurrentUser {

    /** Returns the user's id on a route that requires a token ({@code Access.AUTHENTICATED}). */
    public long id(Context ctx) {
        return idOf(Auth.principal(ctx));
    }

    /** Returns the user's id, or {@code null} when signed out, on a route where a token is optional. */
    public Long idOrNull(Context ctx) {
        return Auth.optionalPrincipal(ctx).map(CurrentUser::idOf).orElse(null);
    }

    private static long idOf(Principal principal) {
        OptionalLong id = Validation.parseWholeNumber(principal.subject(), 1, Long.MAX_VALUE);
        if (id.isEmpty()) {
            // Signed by our key but not issued by this app (whose subjects are user ids).
            throw Problem.of(401, "Unauthorized").withDetail("the token does not name a user of this API").toException();
        }
        return id.getAsLong();
    }
}
