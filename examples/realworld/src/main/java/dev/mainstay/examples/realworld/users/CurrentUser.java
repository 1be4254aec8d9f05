package dev.mainstay.examples.realworld.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mainstay.core.problem.Problem;
import dev.mainstay.core.problem.Validation;
import dev.mainstay.security.Principal;
import dev.mainstay.security.web.Auth;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.io.IOException;
import java.util.Base64;
import java.util.OptionalLong;

/**
 * The id of the signed-in user, read from the principal that mainstay-security's plugin verified from
 * {@code Authorization: Token <jwt>}. The token's subject is the user's id; that user must still exist,
 * and must not have revoked the token by changing password or e-mail since it was issued. Thread-safe.
 */
public final class CurrentUser {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final UserService users;

    /** Creates the reader; {@code users} checks that the token still names a user who has not revoked it. */
    public CurrentUser(UserService users) {
        this.users = users;
    }

    /** Returns the user's id on a route that requires a token ({@code Access.AUTHENTICATED}). */
    public long id(Context ctx) {
        return idOf(ctx, Auth.principal(ctx));
    }

    /** Returns the user's id, or {@code null} when signed out, on a route where a token is optional. */
    public Long idOrNull(Context ctx) {
        return Auth.optionalPrincipal(ctx).map(principal -> idOf(ctx, principal)).orElse(null);
    }

    private long idOf(Context ctx, Principal principal) {
        OptionalLong id = Validation.parseWholeNumber(principal.subject(), 1, Long.MAX_VALUE);
        if (id.isEmpty()) {
            // Signed by our key but not issued by this app (whose subjects are user ids).
            throw unauthorized("the token does not name a user of this API");
        }
        // TODO(issue 13 item 6): switch to mainstay-security's tokens-valid-after hook on the verifier
        // (the app telling it each subject's revocation time, with the verified-token cache kept correct)
        // once it is on main; until then the app reads the verified token's iat itself.
        users.requireValidToken(id.getAsLong(), issuedAt(ctx));
        return id.getAsLong();
    }

    /** Reads {@code iat} of the token the plugin has already verified: its signature is known good. */
    private static long issuedAt(Context ctx) {
        String header = ctx.header(Header.AUTHORIZATION);
        String[] parts = header == null ? new String[0] : header.substring(header.indexOf(' ') + 1).split("\\.");
        if (parts.length < 2) {
            throw unauthorized("the token has no payload");
        }
        try {
            JsonNode iat = JSON.readTree(Base64.getUrlDecoder().decode(parts[1])).path("iat");
            if (iat.canConvertToLong()) {
                return iat.asLong();
            }
        } catch (IOException | IllegalArgumentException e) {
            // falls through: a verified token always has a readable payload, so this is not ours
        }
        throw unauthorized("the token has no issue time");
    }

    private static RuntimeException unauthorized(String detail) {
        return Problem.of(401, "Unauthorized").withDetail(detail).toException();
    }
}
