/**
 * The HTTP layer: Javalin routes that parse requests, call the services and write JSON, plus the
 * {@link dev.mainstay.examples.realworld.api.RealWorldProblemWriter} that gives every error the spec's shape.
 */
package dev.mainstay.examples.realworld.api;
