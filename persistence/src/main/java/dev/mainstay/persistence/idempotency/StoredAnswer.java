package dev.mainstay.persistence.idempotency;

/**
 * The answer stored with an idempotency key, replayed to a retry of the same request.
 *
 * @param requestHash the hex SHA-256 of the request the answer belongs to
 * @param status the HTTP status
 * @param contentType the {@code Content-Type}, or null
 * @param location the {@code Location} header, or null
 * @param body the body as text, or null
 */
public record StoredAnswer(String requestHash, int status, String contentType, String location, String body) {}
