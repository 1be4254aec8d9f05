package dev.mainstay.persistence.web;

import dev.mainstay.core.config.ConfigReader;
import java.time.Duration;

/**
 * The {@code idempotency.*} keys that {@link MainstayPersistence#idempotency} reads.
 *
 * @param ttl {@code idempotency.ttl}: how long keys are kept; 24 hours by default, 1 minute to 30 days
 * @param cleanupInterval {@code idempotency.cleanup-interval}: how often expired keys are deleted; 1 hour
 *     by default
 */
record IdempotencySettings(Duration ttl, Duration cleanupInterval) {
    static IdempotencySettings read(ConfigReader r) {
        return new IdempotencySettings(
                r.duration("idempotency.ttl", Idempotency.DEFAULT_TTL, Duration.ofMinutes(1), Duration.ofDays(30)),
                r.duration("idempotency.cleanup-interval", Duration.ofHours(1), Duration.ofSeconds(1), Duration.ofDays(1)));
    }
}
