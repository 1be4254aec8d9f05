package dev.mainstay.examples.realworld.users;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The spec's {@code User} schema: the signed-in user, with a token for the {@code Authorization} header.
 *
 * <p>{@code bio} and {@code image} are written even when {@code null}, as the spec requires them.
 *
 * @param email the e-mail address, lower-cased
 * @param token a JWT to send as {@code Authorization: Token <jwt>}
 * @param username the public name
 * @param bio free text, or {@code null}
 * @param image a picture URL, or {@code null}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record User(String email, String token, String username, String bio, String image) {

    /**
     * The body {@code {"user": {...}}} of every user response.
     *
     * @param user the user
     */
    public record Response(User user) {}
}
