/**
 * Articles: writing and deleting them, lists and the feed, favorites, tags ({@code GET /api/tags}), and the
 * {@code Seeder} that fills the database for load tests.
 */
package dev.mainstay.examples.realworld.articles;
