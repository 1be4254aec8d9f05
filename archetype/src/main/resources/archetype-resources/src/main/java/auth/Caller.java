package ${package}.auth;

import dev.mainstay.security.web.Auth;
import io.javalin.http.Context;
import java.util.UUID;

/**
 * Who is calling: the id of the signed-in user, read from the verified access token. Use it only in
 * routes that require authentication ({@code Access.AUTHENTICATED} or a {@code Role}).
 */
public final class Caller {
    private Caller() {}

    /**
     * Returns the id of the user who sent {@code ctx}.
     *
     * @param ctx the request
     * @return the user's id (the token's {@code sub})
     * @throws dev.mainstay.core.problem.ProblemException 401 if the request is not authenticated
     */
    public static UUID id(Context ctx) {
        return UUID.fromString(Auth.principal(ctx).subject());
    }
}
