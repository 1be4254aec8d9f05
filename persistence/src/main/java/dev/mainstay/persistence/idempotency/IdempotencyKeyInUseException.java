package dev.mainstay.persistence.idempotency;

import dev.mainstay.persistence.DatabaseException;

/**
 * Thrown when another request with the same idempotency key is still running (its transaction holds
 * the key's row); the web layer answers 409. Retrying later gets that request's answer.
 */
public final class IdempotencyKeyInUseException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    IdempotencyKeyInUseException(Throwable cause) {
        super("A request with the same idempotency key is still running", cause);
    }
}
