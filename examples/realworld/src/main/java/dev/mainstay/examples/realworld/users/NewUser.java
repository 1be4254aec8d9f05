package dev.mainstay.examples.realworld.users;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The spec's {@code NewUser} schema: a registration, {@code POST /api/users}.
 *
 * @param username required, unique
 * @param email required, unique (case-insensitive)
 * @param password required
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NewUser(String username, String email, String password) {

    /** Hides the password from logs and debuggers. */
    @Override
    public String toString() {
        return "NewUser[username=" + username + ", email=" + email + ", password=****]";
    }

    /**
     * The body {@code {"user": {...}}} of a registration.
     *
     * @param user the new user; {@code null} when the body lacks it
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Request(NewUser user) {}
}
