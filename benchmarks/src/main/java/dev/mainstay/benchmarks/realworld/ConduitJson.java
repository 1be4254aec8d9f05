package dev.mainstay.benchmarks.realworld;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The JSON of the RealWorld list and feed, written exactly as examples/realworld writes it (its
 * {@code dto.Article} and {@code dto.Profile}): the same fields in the same order, {@code body} left
 * out of lists, {@code bio} and {@code image} written even when null. The harness compares the bodies
 * of both servers byte for byte before it measures anything.
 */
final class ConduitJson {
    private ConduitJson() {}

    /** An author as the viewer sees them. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Profile(String username, String bio, String image, boolean following) {}

    /** A list item: an article without its body. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Article(
            String slug,
            String title,
            String description,
            @JsonInclude(JsonInclude.Include.NON_NULL) String body,
            List<String> tagList,
            String createdAt,
            String updatedAt,
            boolean favorited,
            int favoritesCount,
            Profile author) {}

    /** {@code {"articles": [...], "articlesCount": n}}. */
    record Page(List<Article> articles, long articlesCount) {}
}
