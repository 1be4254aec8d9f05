package dev.mainstay.examples.realworld.comments;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The spec's {@code NewComment} schema: {@code POST /api/articles/{slug}/comments}.
 *
 * @param body required
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NewComment(String body) {

    /**
     * The body {@code {"comment": {...}}} of a new comment.
     *
     * @param comment the comment; {@code null} when the body lacks it
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Request(NewComment comment) {}
}
