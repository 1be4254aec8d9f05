/**
 * The health-check contract: {@link dev.mainstay.core.health.HealthCheck} is one probe that returns when
 * healthy and throws when not.
 *
 * <p>Register checks with {@code app.liveness(...)} and {@code app.readiness(...)}; core runs them in
 * parallel, each under a time bound, behind {@code /health/live} and {@code /health/ready}.
 */
package dev.mainstay.core.health;
