package ${package}.auth;

import java.util.List;
import java.util.UUID;

/**
 * An account as clients see it: no password hash, roles in a stable order.
 *
 * @param id the account's id
 * @param email the account's e-mail address
 * @param roles the roles held, sorted
 */
public record UserView(UUID id, String email, List<String> roles) {

    /**
     * Returns the view of {@code user}.
     *
     * @param user the stored account
     * @return its view
     */
    public static UserView of(User user) {
        return new UserView(user.id(), user.email(), user.roles().stream().sorted().toList());
    }
}
