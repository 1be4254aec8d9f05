/**
 * {@link dev.mainstay.security.config.SecurityConfig}, every {@code security.*} setting in one
 * immutable record, and the settings of the HTTP side (CORS allowlist, security headers) that it
 * holds.
 *
 * <p>Plain Java: build these by hand, or bind them from mainstay-core's config with
 * {@code MainstaySecurity.readConfig} (in the {@code web} package, the only one that may import core).
 */
package dev.mainstay.security.config;
