package dev.mainstay.examples.realworld.articles;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The spec's {@code NewArticle} schema: {@code POST /api/articles}.
 *
 * @param title required
 * @param description required
 * @param body required
 * @param tagList optional tags; duplicates are dropped
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NewArticle(String title, String description, String body, List<String> tagList) {

    /**
     * The body {@code {"article": {...}}} of a creation.
     *
     * @param article the new article; {@code null} when the body lacks it
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Request(NewArticle article) {}
}
