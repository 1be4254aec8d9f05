/**
 * Layered configuration and typed sections that report every problem at once.
 *
 * <p>{@link dev.mainstay.core.config.Config} reads properties files, {@code MAINSTAY_*} environment
 * variables and {@code -Dmainstay.*} system properties, later layers winning.
 * {@link dev.mainstay.core.config.Config#bind} hands a {@link dev.mainstay.core.config.ConfigReader} to a
 * binder; each bad value becomes a {@link dev.mainstay.core.config.ConfigProblem} that names the key and
 * the fix, and one {@link dev.mainstay.core.config.ConfigException} lists them all.
 * {@link dev.mainstay.core.config.Secret} keeps passwords and keys out of logs and messages.
 */
package dev.mainstay.core.config;
