package dev.mainstay.examples.realworld.profiles;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The spec's {@code Profile} schema: a user as others see them, also the {@code author} of articles
 * and comments.
 *
 * @param username the public name
 * @param bio free text, or {@code null} (written even then)
 * @param image a picture URL, or {@code null} (written even then)
 * @param following whether the current user follows this one; {@code false} when signed out
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Profile(String username, String bio, String image, boolean following) {

    /**
     * The body {@code {"profile": {...}}} of the profile operations.
     *
     * @param profile the profile
     */
    public record Response(Profile profile) {}
}
