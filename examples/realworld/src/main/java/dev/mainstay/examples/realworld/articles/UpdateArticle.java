package dev.mainstay.examples.realworld.articles;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The spec's {@code UpdateArticle} schema: {@code PUT /api/articles/{slug}}. A new title also gives a new slug.
 *
 * @param title a new title, or {@code null} to keep it
 * @param description a new summary, or {@code null} to keep it
 * @param body a new text, or {@code null} to keep it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UpdateArticle(String title, String description, String body) {

    /**
     * The body {@code {"article": {...}}} of an update.
     *
     * @param article the changes; {@code null} when the body lacks them
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Request(UpdateArticle article) {}
}
