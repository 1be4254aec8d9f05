package dev.mainstay.examples.realworld.articles;

import java.util.List;

/**
 * The body {@code {"tags": [...]}} of {@code GET /api/tags}.
 *
 * @param tags every tag in use, sorted
 */
public record Tags(List<String> tags) {}
