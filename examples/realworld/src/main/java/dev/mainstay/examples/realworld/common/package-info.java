/**
 * What every feature uses: the spec's error format ({@link
 * dev.mainstay.examples.realworld.common.RealWorldProblemWriter}, {@code Errors}), the services'
 * {@code Problems} and the spec's timestamp format.
 */
package dev.mainstay.examples.realworld.common;
