package dev.mainstay.benchmarks.jmh;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Responses shaped like the RealWorld API's, for the JSON benchmarks. */
final class SampleResponses {
    record Profile(String username, String bio, String image, boolean following) {}

    record Article(
            String slug,
            String title,
            String description,
            String body,
            List<String> tagList,
            Instant createdAt,
            Instant updatedAt,
            boolean favorited,
            int favoritesCount,
            Profile author) {}

    record ArticlePage(List<Article> articles, int articlesCount) {}

    private SampleResponses() {}

    static ArticlePage articlePage(int size) {
        Instant base = Instant.parse("2026-11-29T10:15:30.123Z");
        List<Article> articles = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Profile author = new Profile("author-" + (i % 10), i % 3 == 0 ? null : "I write about Java.", null, i % 2 == 0);
            articles.add(new Article(
                    "how-to-train-your-dragon-" + i,
                    "How to train your dragon, part " + i,
                    "Ever wonder how?",
                    "It takes a Jacobian. ".repeat(12),
                    List.of("dragons", "java", "training"),
                    base.plusSeconds(i),
                    base.plusSeconds(i + 60),
                    i % 4 == 0,
                    i * 3,
                    author));
        }
        return new ArticlePage(articles, 1000);
    }
}
