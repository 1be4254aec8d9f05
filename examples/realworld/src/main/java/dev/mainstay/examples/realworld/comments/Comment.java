package dev.mainstay.examples.realworld.comments;

import dev.mainstay.examples.realworld.profiles.Profile;
import java.util.List;

/**
 * The spec's {@code Comment} schema.
 *
 * @param id the comment's number, used to delete it
 * @param createdAt when it was written, ISO-8601 UTC with milliseconds
 * @param updatedAt when it was last changed (comments are never edited, so equal to {@code createdAt})
 * @param body the text
 * @param author the author as the current user sees them
 */
public record Comment(long id, String createdAt, String updatedAt, String body, Profile author) {

    /**
     * The body {@code {"comment": {...}}} of a created comment.
     *
     * @param comment the comment
     */
    public record Response(Comment comment) {}

    /**
     * The body {@code {"comments": [...]}} of an article's comments.
     *
     * @param comments the comments, oldest first
     */
    public record ListResponse(List<Comment> comments) {}
}
