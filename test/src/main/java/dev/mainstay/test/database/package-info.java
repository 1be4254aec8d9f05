/**
 * Database isolation for tests, at the JDBC level: {@link dev.mainstay.test.database.DatabaseServer}
 * finds a test server by one rule and carves out a throw-away schema or database ({@link
 * dev.mainstay.test.database.TestDatabase}); {@link dev.mainstay.test.database.DatabaseExtension} does
 * it per class or per test, and {@link dev.mainstay.test.database.EveryDatabase} runs a test method on
 * H2, PostgreSQL and MariaDB. The JDBC drivers come from the test classpath.
 */
package dev.mainstay.test.database;
