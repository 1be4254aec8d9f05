package dev.mainstay.examples.realworld.comments;

import dev.mainstay.core.problem.Validation;
import dev.mainstay.examples.realworld.articles.ArticleRepository;
import dev.mainstay.examples.realworld.comments.CommentRepository.CommentRow;
import dev.mainstay.examples.realworld.common.Problems;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Comments on articles. A viewer id of {@code null} means "signed out". Thread-safe. */
public final class CommentService {
    private final ArticleRepository articles;
    private final CommentRepository comments;
    private final Clock clock;

    /** Creates the service; {@code clock} stamps the time of each comment. */
    public CommentService(ArticleRepository articles, CommentRepository comments, Clock clock) {
        this.articles = articles;
        this.comments = comments;
        this.clock = clock;
    }

    /**
     * Adds a comment by {@code userId} to the article {@code slug}.
     *
     * @throws dev.mainstay.core.problem.ProblemException 422 when the body is missing or not storable text,
     *     404 when there is no such article
     */
    public Comment add(long userId, String slug, NewComment input) {
        Validation v = Validation.start().required("/comment", input);
        v.throwIfInvalid();
        v.notBlank("/comment/body", input.body());
        v.storable("/comment/body", input.body()).throwIfInvalid();
        long articleId = articleId(slug);
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
        long id = comments.insert(articleId, userId, input.body(), now);
        return comments.find(id, userId).orElseThrow();
    }

    /**
     * Returns the comments on the article {@code slug}, oldest first.
     *
     * @throws dev.mainstay.core.problem.ProblemException 404 when there is no such article
     */
    public List<Comment> list(String slug, Long viewerId) {
        return comments.ofArticle(articleId(slug), viewerId);
    }

    /**
     * Deletes comment {@code id} of the article {@code slug}, if {@code userId} wrote it.
     *
     * @throws dev.mainstay.core.problem.ProblemException 404 when there is no such article or comment on
     *     it, 403 when {@code userId} is not the comment's author
     */
    public void delete(long userId, String slug, long id) {
        long articleId = articleId(slug);
        CommentRow comment = comments.findRow(id)
                .filter(row -> row.articleId() == articleId)
                .orElseThrow(() -> Problems.notFound("comment"));
        if (comment.authorId() != userId) {
            throw Problems.forbidden("only the author may delete this comment");
        }
        comments.delete(id);
    }

    private long articleId(String slug) {
        return articles.idOf(slug).orElseThrow(() -> Problems.notFound("article"));
    }
}
