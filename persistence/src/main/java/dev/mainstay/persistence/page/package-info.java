/**
 * Pagination with opaque cursors: {@link dev.mainstay.persistence.page.Keyset} (seek, for listings of
 * any length) and {@link dev.mainstay.persistence.page.Offset} (for short ones), both taking a {@link
 * dev.mainstay.persistence.page.PageRequest} and returning a {@link dev.mainstay.persistence.page.Page}.
 * A limit is clamped to 1..100; a limit that is not ASCII digits, or a malformed cursor, is an {@link
 * dev.mainstay.persistence.page.InvalidPageRequestException} naming the parameter (400 in a Mainstay app).
 */
package dev.mainstay.persistence.page;
