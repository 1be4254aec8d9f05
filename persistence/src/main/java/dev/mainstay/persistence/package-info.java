/**
 * Relational databases for Mainstay services: {@link dev.mainstay.persistence.Database} (a HikariCP
 * pool, a jOOQ context, Flyway migrations, transactions, a readiness check and metrics), configured by
 * {@link dev.mainstay.persistence.DatabaseConfig} from the {@code db.*} keys, with one unchecked
 * exception family rooted at {@link dev.mainstay.persistence.DatabaseException}.
 *
 * <p>Everything not public here is internal. Nothing in this package accepts {@code null} unless its
 * documentation says so.
 */
package dev.mainstay.persistence;
