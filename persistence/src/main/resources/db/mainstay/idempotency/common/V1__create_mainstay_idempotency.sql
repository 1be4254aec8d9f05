-- Idempotency keys and the answers stored with them (dev.mainstay.persistence.idempotency).
-- Vendor-neutral: runs as is on H2, PostgreSQL and MariaDB/MySQL. Applied by Database.migrateModule
-- with its own history table (mainstay_idempotency_history), apart from the application's scripts.
--
-- key_hash is the hex SHA-256 of the caller's identity and the Idempotency-Key, so one caller's key
-- never meets another's; request_hash is the hex SHA-256 of the method, path and body. The row is
-- inserted before the application's write and completed after it, in the same transaction, so both
-- commit or neither does. Instants are BIGINT milliseconds since the epoch (UTC).
CREATE TABLE mainstay_idempotency (
    key_hash VARCHAR(64) NOT NULL,
    request_hash VARCHAR(64) NOT NULL,
    status INTEGER,
    content_type VARCHAR(255),
    location VARCHAR(2048),
    body TEXT,
    expires_at_ms BIGINT NOT NULL,
    PRIMARY KEY (key_hash)
);

CREATE INDEX ix_mainstay_idempotency_expires ON mainstay_idempotency (expires_at_ms);
