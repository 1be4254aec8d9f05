/**
 * The types every part of mainstay-security shares: the {@link dev.mainstay.security.Principal} a
 * verified token proves, the root of the module's exceptions, and the {@code *Setting} records that
 * state each config key with its default and range once.
 *
 * <p>Plain Java, like every package of the module except {@code web}: it needs neither mainstay-core
 * nor Javalin.
 */
package dev.mainstay.security;
