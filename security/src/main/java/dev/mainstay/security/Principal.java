package dev.mainstay.security;

import java.util.Objects;
import java.util.Set;

/**
 * Who made a request, as proven by a verified access token: the subject and the roles it holds.
 *
 * <p>Immutable and thread-safe. Roles are plain names (e.g. {@code "admin"}); a principal with no
 * roles is authenticated but holds no role.
 *
 * @param subject the stable identifier of the user (the JWT {@code sub}), never blank
 * @param roles the roles granted when the token was issued, never null
 */
public record Principal(String subject, Set<String> roles) {
    /**
     * Rejects a blank subject and copies the roles.
     *
     * @param subject the user's stable identifier
     * @param roles the granted roles; copied
     * @throws IllegalArgumentException if {@code subject} is blank
     */
    public Principal {
        Objects.requireNonNull(subject, "subject");
        if (subject.isBlank()) {
            throw new IllegalArgumentException("A principal needs a non-blank subject");
        }
        roles = Set.copyOf(roles);
    }

    /**
     * Tells whether this principal holds {@code role}.
     *
     * @param role the role name, not null
     * @return true if the role was granted
     */
    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
