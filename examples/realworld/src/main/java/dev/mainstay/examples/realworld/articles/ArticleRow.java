package dev.mainstay.examples.realworld.articles;

/**
 * A stored article as the service needs it to check ownership and apply changes.
 *
 * @param id the primary key
 * @param authorId the id of the user who wrote it
 * @param slug the unique URL name
 * @param title the title
 * @param description the summary
 * @param body the text
 */
record ArticleRow(long id, long authorId, String slug, String title, String description, String body) {}
