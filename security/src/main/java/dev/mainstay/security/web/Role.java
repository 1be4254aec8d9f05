package dev.mainstay.security.web;

import io.javalin.security.RouteRole;
import java.util.Objects;

/**
 * A named role a route requires, matched against the {@code roles} claim of the access token.
 *
 * <p>A route that lists several roles admits a principal holding any one of them:
 * {@code cfg.routes.delete("/users/{id}", Users::delete, Role.of("admin"))}. Without a valid token the
 * answer is 401; with a valid token but none of the roles, 403.
 *
 * @param name the role name, as issued in tokens; not blank
 */
public record Role(String name) implements RouteRole {
    /**
     * Rejects a blank name.
     *
     * @param name the role name, as issued in tokens
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public Role {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A role needs a name");
        }
    }

    /**
     * Names a role routes may require, e.g. {@code Role.of("admin")}; the token's roles must hold it.
     *
     * @param name the role name, as issued in tokens
     * @return the role
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public static Role of(String name) {
        return new Role(name);
    }
}
