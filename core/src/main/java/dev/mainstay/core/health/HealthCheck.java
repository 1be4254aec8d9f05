package dev.mainstay.core.health;

/**
 * One probe of whether a part of the service works, such as "the database answers a query".
 *
 * <p>Return normally when healthy; throw any exception when not, with a message an operator can act
 * on (it is shown in the health response, so it must not contain secrets). Mainstay runs each check
 * under a time bound, so an implementation may block, but should honour interruption.
 */
@FunctionalInterface
public interface HealthCheck {
    /**
     * Probes once.
     *
     * @throws Exception when the part is unhealthy; its message says why
     */
    void check() throws Exception;
}
