/**
 * Idempotency keys in the database: {@link dev.mainstay.persistence.idempotency.IdempotencyStore}
 * stores each key with the answer to its first request, in the same transaction as the request's
 * writes. Plain Java; {@code dev.mainstay.persistence.web.Idempotency} is the HTTP half.
 */
package dev.mainstay.persistence.idempotency;
