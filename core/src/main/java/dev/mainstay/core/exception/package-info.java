/**
 * The root of core's exception family, {@link dev.mainstay.core.exception.MainstayException}.
 *
 * <p>It has a package of its own, depending on nothing else in core, so that every package (config,
 * problem, the root) can extend it without the packages depending on each other in a cycle.
 */
package dev.mainstay.core.exception;
