package dev.mainstay.examples.realworld.users;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The spec's {@code UpdateUser} schema: changes to the signed-in user, {@code PUT /api/user}.
 *
 * <p>A field that is absent or {@code null} stays as it is. An empty {@code bio} or {@code image} clears it.
 *
 * @param email a new e-mail address
 * @param password a new password
 * @param username a new public name
 * @param bio new free text
 * @param image a new picture URL
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UpdateUser(String email, String password, String username, String bio, String image) {

    /** Hides the password from logs and debuggers. */
    @Override
    public String toString() {
        return "UpdateUser[email=" + email + ", password=" + (password == null ? null : "****") + ", username="
                + username + ", bio=" + bio + ", image=" + image + "]";
    }

    /**
     * The body {@code {"user": {...}}} of an update.
     *
     * @param user the changes; {@code null} when the body lacks them
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Request(UpdateUser user) {}
}
