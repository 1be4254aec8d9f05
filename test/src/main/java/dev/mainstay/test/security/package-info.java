/**
 * Contract tests for the extension points of mainstay-security: abstract JUnit 5 classes that an
 * implementation's test extends, saying only how to make a fresh instance. They need
 * mainstay-security on the test classpath (the kit declares it optional).
 */
package dev.mainstay.test.security;
