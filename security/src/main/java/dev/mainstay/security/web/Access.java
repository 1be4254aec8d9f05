package dev.mainstay.security.web;

import io.javalin.security.RouteRole;

/**
 * Route roles that ask for authentication without naming a {@link Role}.
 *
 * <pre>{@code
 * cfg.routes.get("/user", Users::me, Access.AUTHENTICATED);
 * cfg.routes.get("/articles", Articles::list, Access.OPTIONAL); // personalised when logged in
 * cfg.routes.get("/tags", Tags::list);                           // no role: public
 * }</pre>
 *
 * <p>A route without any role is public: no token is read. This follows Javalin's own convention and
 * keeps core's health routes reachable; give every protected route a role.
 */
public enum Access implements RouteRole {
    /** Any valid access token; without one the answer is 401. */
    AUTHENTICATED,
    /**
     * A token is optional: without one the handler runs anonymously, with a valid one
     * {@link Auth#optionalPrincipal} returns it, and with an invalid one the answer is 401 (a client
     * that sends a bad token should learn it rather than silently lose its identity).
     */
    OPTIONAL
}
