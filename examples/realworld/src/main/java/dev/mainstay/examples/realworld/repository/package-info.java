/**
 * The data layer: jOOQ queries over the tables that the Flyway migrations in {@code db/migration}
 * create. The table classes in {@code repository.schema} are generated from those migrations at build
 * time. Every method takes the {@code DSLContext} to run on, so the service decides what shares a transaction.
 */
package dev.mainstay.examples.realworld.repository;
