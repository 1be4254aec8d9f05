/**
 * Database-backed stores for mainstay-security, which is an optional dependency of this module: these
 * classes load only in an application that has mainstay-security on its classpath.
 */
package dev.mainstay.persistence.security;
