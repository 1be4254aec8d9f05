/**
 * The account flows an app would otherwise write by hand, in the order security requires:
 * {@link dev.mainstay.security.auth.AuthFlows} registers, logs in (throttled, equal time for unknown
 * users, upgraded hashes saved), refreshes (rotation with reuse detection) and logs out (only the
 * caller's own session). The app plugs in its users through an
 * {@link dev.mainstay.security.auth.AccountStore}.
 *
 * <p>Plain Java: no HTTP here. The {@code web} package maps the exceptions to problem+json.
 */
package dev.mainstay.security.auth;
