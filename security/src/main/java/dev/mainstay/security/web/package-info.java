/**
 * Mainstay-security inside a Mainstay app: {@link dev.mainstay.security.web.MainstaySecurity#install}
 * wires everything in one call, {@link dev.mainstay.security.web.SecurityPlugin} protects Javalin
 * routes ({@link dev.mainstay.security.web.Access}, {@link dev.mainstay.security.web.Role},
 * {@link dev.mainstay.security.web.Auth}), and {@link dev.mainstay.security.web.SecurityProblems}
 * turns the module's plain exceptions into problem+json.
 *
 * <p>The only package of the module that may import mainstay-core or Javalin; both are optional
 * dependencies, needed only by apps that use this package.
 */
package dev.mainstay.security.web;
