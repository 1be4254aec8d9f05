package dev.mainstay.examples.realworld.articles;

import dev.mainstay.core.problem.Validation;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** What a valid article and its tags are; shared by creation and update. */
final class ArticleRules {
    static final int MAX_TITLE = 255;
    static final int MAX_DESCRIPTION = 1000;
    static final int MAX_TAG = 100;
    static final int MAX_TAGS = 20;

    private ArticleRules() {}

    static void validate(NewArticle article) {
        Validation v = Validation.start().required("/article", article);
        v.throwIfInvalid();
        v.notBlank("/article/title", article.title())
                .maxLength("/article/title", article.title(), MAX_TITLE)
                .notBlank("/article/description", article.description())
                .maxLength("/article/description", article.description(), MAX_DESCRIPTION)
                .notBlank("/article/body", article.body());
        storable(v, article.title(), article.description(), article.body());
        tags(v, article.tagList());
        v.throwIfInvalid();
    }

    static void validate(UpdateArticle article) {
        Validation v = Validation.start().required("/article", article);
        v.throwIfInvalid();
        // Absent fields stay as they are; a field that is sent must not be blank.
        v.check(article.title() == null || !article.title().isBlank(), "/article/title", "must not be blank")
                .maxLength("/article/title", article.title(), MAX_TITLE)
                .check(
                        article.description() == null || !article.description().isBlank(),
                        "/article/description",
                        "must not be blank")
                .maxLength("/article/description", article.description(), MAX_DESCRIPTION)
                .check(article.body() == null || !article.body().isBlank(), "/article/body", "must not be blank");
        storable(v, article.title(), article.description(), article.body());
        v.throwIfInvalid();
    }

    /** Returns the tags trimmed, without duplicates, sorted; {@code null} is no tags. */
    static Set<String> tags(List<String> tagList) {
        Set<String> tags = new TreeSet<>();
        if (tagList != null) {
            tagList.forEach(tag -> tags.add(tag.trim()));
        }
        return tags;
    }

    private static void tags(Validation v, List<String> tagList) {
        if (tagList == null) {
            return;
        }
        v.check(tagList.size() <= MAX_TAGS, "/article/tagList", "must have at most " + MAX_TAGS + " tags");
        for (int i = 0; i < tagList.size(); i++) {
            String pointer = "/article/tagList/" + i;
            v.notBlank(pointer, tagList.get(i)).maxLength(pointer, tagList.get(i), MAX_TAG);
            v.storable(pointer, tagList.get(i));
        }
    }

    private static void storable(Validation v, String title, String description, String body) {
        v.storable("/article/title", title);
        v.storable("/article/description", description);
        v.storable("/article/body", body);
    }
}
