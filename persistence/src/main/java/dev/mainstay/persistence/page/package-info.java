/**
 * Pagination with opaque cursors: {@link dev.mainstay.persistence.page.Keyset} (seek, for listings of
 * any length) and {@link dev.mainstay.persistence.page.Offset} (for short ones), both taking a {@link
 * dev.mainstay.persistence.page.PageRequest} and returning a {@link dev.mainstay.persistence.page.Page}.
 * A limit is clamped to 1..100; a malformed cursor is a 400 problem naming the {@code cursor} parameter.
 */
package dev.mainstay.persistence.page;
