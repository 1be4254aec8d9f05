package dev.mainstay.examples.realworld.articles;

import dev.mainstay.examples.realworld.common.Problems;
import dev.mainstay.persistence.Database;
import dev.mainstay.persistence.UniqueViolationException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * Articles, their tags and favorites. A viewer id of {@code null} means "signed out".
 *
 * <p>Writes that touch several tables (an article and its tags) run in one transaction, so a failure
 * leaves no half-written article. Thread-safe.
 */
public final class ArticleService {
    private final Database db;
    private final ArticleRepository articles;
    private final ArticleReader reader;
    private final TagRepository tags;
    private final FavoriteRepository favorites;
    private final Clock clock;

    /** Creates the service; {@code clock} stamps created and updated times. */
    public ArticleService(
            Database db,
            ArticleRepository articles,
            ArticleReader reader,
            TagRepository tags,
            FavoriteRepository favorites,
            Clock clock) {
        this.db = db;
        this.articles = articles;
        this.reader = reader;
        this.tags = tags;
        this.favorites = favorites;
        this.clock = clock;
    }

    /** Returns the {@code limit} articles after the first {@code offset} that match {@code filter}, most recent first. */
    public Article.Page list(ArticleFilter filter, Long viewerId, int limit, int offset) {
        return reader.page(filter, viewerId, limit, offset);
    }

    /**
     * Returns the article with {@code slug}.
     *
     * @throws dev.mainstay.core.problem.ProblemException 404 when there is none
     */
    public Article get(String slug, Long viewerId) {
        return reader.find(slug, viewerId).orElseThrow(ArticleService::notFound);
    }

    /**
     * Creates an article by {@code userId}; its slug comes from the title, with a suffix if taken.
     *
     * @throws dev.mainstay.core.problem.ProblemException 422 listing every invalid field
     */
    public Article create(long userId, NewArticle input) {
        ArticleRules.validate(input);
        Set<String> tagSet = ArticleRules.tags(input.tagList());
        String base = Slugs.of(input.title());
        try {
            return insert(userId, input, tagSet, base);
        } catch (UniqueViolationException raced) {
            // Another request took the same slug (or created the same new tag) since we checked; the
            // transaction was rolled back, so simply try once more.
            return insert(userId, input, tagSet, base);
        }
    }

    private Article insert(long userId, NewArticle input, Set<String> tagSet, String base) {
        return db.transactionResult(tx -> {
            String slug = freeSlug(base, 0);
            long id = articles.insert(userId, slug, input.title(), input.description(), input.body(), now());
            tags.attach(id, tagSet);
            return reader.find(slug, userId).orElseThrow();
        });
    }

    /**
     * Changes the title, description or body of an article of {@code userId}; a new title gives a new slug.
     *
     * @throws dev.mainstay.core.problem.ProblemException 404 when there is no such article, 403 when
     *     {@code userId} is not its author, 422 listing every invalid field
     */
    public Article update(long userId, String slug, UpdateArticle input) {
        ArticleRules.validate(input);
        return db.transactionResult(tx -> {
            ArticleRow article = owned(userId, slug);
            String title = input.title() != null ? input.title() : article.title();
            String newSlug =
                    title.equals(article.title()) ? article.slug() : freeSlug(Slugs.of(title), article.id());
            ArticleRow changed = new ArticleRow(
                    article.id(),
                    article.authorId(),
                    newSlug,
                    title,
                    input.description() != null ? input.description() : article.description(),
                    input.body() != null ? input.body() : article.body());
            articles.update(changed, now());
            return reader.find(newSlug, userId).orElseThrow();
        });
    }

    /**
     * Deletes an article of {@code userId}, with its comments, favorites and tag links.
     *
     * @throws dev.mainstay.core.problem.ProblemException 404 when there is no such article, 403 when
     *     {@code userId} is not its author
     */
    public void delete(long userId, String slug) {
        db.transaction(tx -> articles.delete(owned(userId, slug).id()));
    }

    /**
     * Marks the article as a favorite of {@code userId} (twice is the same as once), and returns it.
     *
     * @throws dev.mainstay.core.problem.ProblemException 404 when there is no such article
     */
    public Article favorite(long userId, String slug) {
        long id = articles.idOf(slug).orElseThrow(ArticleService::notFound);
        favorites.add(userId, id);
        return get(slug, userId);
    }

    /**
     * Removes the article from the favorites of {@code userId} (a no-op if it was not one), and returns it.
     *
     * @throws dev.mainstay.core.problem.ProblemException 404 when there is no such article
     */
    public Article unfavorite(long userId, String slug) {
        long id = articles.idOf(slug).orElseThrow(ArticleService::notFound);
        favorites.remove(userId, id);
        return get(slug, userId);
    }

    /** Returns every tag in use, sorted. */
    public List<String> tags() {
        return tags.inUse();
    }

    private ArticleRow owned(long userId, String slug) {
        ArticleRow article = articles.findBySlug(slug).orElseThrow(ArticleService::notFound);
        if (article.authorId() != userId) {
            throw Problems.forbidden("only the author may change or delete this article");
        }
        return article;
    }

    private String freeSlug(String base, long articleId) {
        return articles.slugTaken(base, articleId) ? Slugs.withSuffix(base) : base;
    }

    private LocalDateTime now() {
        // The database keeps milliseconds; truncating here makes the answer equal what is read back later.
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    private static RuntimeException notFound() {
        return Problems.notFound("article");
    }
}
