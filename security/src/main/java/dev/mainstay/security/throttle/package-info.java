/**
 * Login throttling: {@link dev.mainstay.security.throttle.LoginThrottle} refuses logins for an account
 * or from a client address after too many failures in a window, before any password is hashed.
 * {@link dev.mainstay.security.throttle.ThrottleStore} is the extension point for a limit shared by
 * every instance.
 *
 * <p>Plain Java: needs neither mainstay-core nor Javalin.
 */
package dev.mainstay.security.throttle;
