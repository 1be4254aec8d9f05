/**
 * Relational databases, as plain Java: {@link dev.mainstay.persistence.Database} (a HikariCP pool, a
 * jOOQ context, Flyway migrations, transactions, a readiness probe and metrics), configured by {@link
 * dev.mainstay.persistence.DatabaseConfig} (one setting per {@code db.*} key), with one unchecked
 * exception family rooted at {@link dev.mainstay.persistence.DatabaseException}. Needs neither
 * mainstay-core nor Javalin; {@code dev.mainstay.persistence.web} plugs it into a Mainstay app.
 *
 * <p>Everything not public here is internal. Nothing in this package accepts {@code null} unless its
 * documentation says so.
 */
package dev.mainstay.persistence;
