/**
 * JUnit 5 support for testing database code on H2, PostgreSQL and MariaDB, each test in its own
 * schema: {@link dev.mainstay.persistence.testing.EveryDatabase} runs a test method once per database,
 * {@link dev.mainstay.persistence.testing.DatabaseExtension} gives one database to a class that must
 * extend something else. JUnit Jupiter's API is an optional dependency: add it in test scope.
 */
package dev.mainstay.persistence.testing;
