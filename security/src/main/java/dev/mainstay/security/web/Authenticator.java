package dev.mainstay.security.web;

import dev.mainstay.core.FixedHeaders;
import dev.mainstay.security.Principal;
import dev.mainstay.security.token.AccessTokens;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.security.RouteRole;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code beforeMatched} handler that authenticates requests to routes with a security role.
 *
 * <p>It runs after routing, so a refused request keeps its route template for metrics. Routes without
 * a role pay nothing: no header is read.
 */
final class Authenticator implements Handler {
    /** A response for one user must not be stored by a shared cache and shown to another. */
    private static final FixedHeaders NO_STORE = FixedHeaders.of(Map.of("Cache-Control", "no-store"));

    private final AccessTokens tokens;
    private final String schemePrefix;
    private final Challenges challenges;

    Authenticator(AccessTokens tokens, String scheme, Challenges challenges) {
        this.tokens = tokens;
        this.schemePrefix = scheme + " ";
        this.challenges = challenges;
    }

    @Override
    public void handle(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty()) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null) {
            if (roles.contains(Access.OPTIONAL)) {
                return;
            }
            throw challenges.missing.toException();
        }
        Principal principal = verify(header).orElseThrow(challenges.invalid::toException);
        ctx.attribute(Auth.ATTRIBUTE, principal);
        NO_STORE.setOn(ctx);
        if (!isAllowed(principal, roles)) {
            throw challenges.forbidden.toException();
        }
    }

    private Optional<Principal> verify(String header) {
        // RFC 9110 11.1: the scheme is case-insensitive; the token follows one or more spaces.
        if (header.length() <= schemePrefix.length()
                || !header.regionMatches(true, 0, schemePrefix, 0, schemePrefix.length())) {
            return Optional.empty();
        }
        return tokens.verify(header.substring(schemePrefix.length()).strip());
    }

    private static boolean isAllowed(Principal principal, Set<RouteRole> roles) {
        boolean namesRoles = false;
        for (RouteRole role : roles) {
            if (role instanceof Role named) {
                namesRoles = true;
                if (principal.hasRole(named.name())) {
                    return true;
                }
            }
        }
        return !namesRoles;
    }
}
