package ${package}.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * An account as stored. Never serialize it: routes answer with views that leave the hash out.
 *
 * @param id the account's id, also the {@code sub} of its tokens
 * @param email the lower-cased e-mail address, unique
 * @param passwordHash the bcrypt hash of the password
 * @param roles the roles held, e.g. {@code user} and {@code admin}
 * @param createdAt when the account was created
 */
public record User(UUID id, String email, String passwordHash, Set<String> roles, Instant createdAt) {
    /** The role every account holds. */
    public static final String ROLE_USER = "user";
    /** The role that may use {@code /api/admin}. */
    public static final String ROLE_ADMIN = "admin";

    /** Rejects nulls and copies the roles. */
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Leaves the password hash out, so that a user can be logged. */
    @Override
    public String toString() {
        return "User[id=" + id + ", email=" + email + ", roles=" + roles + "]";
    }
}
