/**
 * Mainstay persistence in a Mainstay app: {@link dev.mainstay.persistence.web.MainstayPersistence}
 * binds the {@code db.*} config and installs a {@link dev.mainstay.persistence.Database} (lifecycle,
 * metrics, readiness) in one call, and {@link dev.mainstay.persistence.web.PersistenceProblems} gives
 * the plain-Java exceptions their problem+json answers (409, 422, 503, and 400 naming the page
 * parameter).
 *
 * <p>The only package of the module that uses mainstay-core and Javalin, which are optional
 * dependencies: an application that uses {@code Database} alone does not need them.
 */
package dev.mainstay.persistence.web;
