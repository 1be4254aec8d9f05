package dev.mainstay.examples.realworld.users;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The spec's {@code LoginUser} schema: credentials of {@code POST /api/users/login}.
 *
 * @param email required
 * @param password required
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LoginUser(String email, String password) {

    /** Hides the password from logs and debuggers. */
    @Override
    public String toString() {
        return "LoginUser[email=" + email + ", password=****]";
    }

    /**
     * The body {@code {"user": {...}}} of a login.
     *
     * @param user the credentials; {@code null} when the body lacks them
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Request(LoginUser user) {}
}
