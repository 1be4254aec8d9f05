package dev.mainstay.examples.realworld;

/**
 * The HTTP test suite of every spec operation, run against a real server on port 0 and a real database.
 * Subclasses choose the database: {@link RealWorldH2Test} (fast, always), {@link RealWorldPostgresIT}
 * and {@link RealWorldMariaDbIT}.
 *
 * <p>The tests live in one interface per resource; they share the app and database of their class and
 * stay independent by registering users with unique names.
 */
abstract class RealWorldSuite
        implements UserContract, ProfileContract, ArticleContract, FeedContract, CommentContract, CorsContract {}
