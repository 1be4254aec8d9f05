/**
 * Errors as data, and the rules for input: what a handler throws, and how it is written.
 *
 * <p>A {@link dev.mainstay.core.problem.Problem} is an RFC 9457 answer before it is written; throw it with
 * {@link dev.mainstay.core.problem.Problem#toException()}, or implement
 * {@link dev.mainstay.core.problem.ProblemSource} on an exception family of your own.
 * {@link dev.mainstay.core.problem.Validation} collects every invalid field into one 422, and holds the
 * text and number rules other modules share. {@link dev.mainstay.core.problem.ProblemMapper} maps foreign
 * exceptions; {@link dev.mainstay.core.problem.ProblemWriter} replaces the body format.
 */
package dev.mainstay.core.problem;
