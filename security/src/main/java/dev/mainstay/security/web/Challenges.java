package dev.mainstay.security.web;

import dev.mainstay.core.problem.Problem;
import io.javalin.config.Key;
import io.javalin.http.Context;

/**
 * The 401 and 403 answers of the auth plugin, built once per app with its scheme word (RFC 6750
 * section 3): no error code when no credentials came, {@code invalid_token} for a bad token, and
 * {@code insufficient_scope} for a valid token without the needed role.
 */
final class Challenges {
    static final Key<Challenges> KEY = new Key<>("mainstay.security.challenges");

    final Problem missing;
    final Problem invalid;
    final Problem forbidden;

    Challenges(String scheme) {
        this.missing = Problem.of(401, "Unauthorized")
                .withDetail("This needs an access token: send 'Authorization: " + scheme + " <token>'.")
                .withHeader("WWW-Authenticate", scheme);
        this.invalid = Problem.of(401, "Unauthorized")
                .withDetail("The access token is malformed, expired or not valid here.")
                .withHeader("WWW-Authenticate", scheme + " error=\"invalid_token\"");
        this.forbidden = Problem.of(403, "Forbidden")
                .withDetail("The access token does not grant a role this needs.")
                .withHeader("WWW-Authenticate", scheme + " error=\"insufficient_scope\"");
    }

    static Problem missing(Context ctx) {
        return ctx.appData(KEY).missing;
    }
}
