package dev.mainstay.examples.realworld.articles;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mainstay.examples.realworld.profiles.Profile;
import java.util.List;

/**
 * The spec's {@code Article} schema, and the items of article lists.
 *
 * <p>Lists leave {@code body} out (the spec dropped it from lists in 2024 for speed): there it is
 * {@code null} and not written. Timestamps are ISO-8601 UTC with milliseconds, e.g.
 * {@code 2016-02-18T03:22:56.637Z}.
 *
 * @param slug the article's URL name, unique
 * @param title the title
 * @param description a short summary
 * @param body the text; {@code null} in lists
 * @param tagList the tags, sorted
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 * @param favorited whether the current user favorited it; {@code false} when signed out
 * @param favoritesCount how many users favorited it
 * @param author the author as the current user sees them
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Article(
        String slug,
        String title,
        String description,
        @JsonInclude(JsonInclude.Include.NON_NULL) String body,
        List<String> tagList,
        String createdAt,
        String updatedAt,
        boolean favorited,
        int favoritesCount,
        Profile author) {

    /**
     * The body {@code {"article": {...}}} of single-article responses.
     *
     * @param article the article
     */
    public record Response(Article article) {}

    /**
     * The body {@code {"articles": [...], "articlesCount": n}} of the list and the feed.
     *
     * @param articles one page of articles, most recent first, without {@code body}
     * @param articlesCount how many articles match in all pages
     */
    public record Page(List<Article> articles, long articlesCount) {}
}
