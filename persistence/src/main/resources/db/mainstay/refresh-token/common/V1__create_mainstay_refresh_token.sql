-- Refresh tokens of mainstay-security, stored by hash only (DatabaseRefreshTokenStore).
-- Vendor-neutral: runs as is on H2, PostgreSQL and MariaDB/MySQL. Applied by Database.migrateModule
-- with its own history table (mainstay_refresh_token_history), apart from the application's scripts.
--
-- Instants are BIGINT milliseconds since the epoch (UTC): one type that keeps exact millisecond
-- precision on every database, where TIMESTAMP differs in precision and time-zone handling.
CREATE TABLE mainstay_refresh_token (
    token_hash VARCHAR(128) NOT NULL,
    family_id VARCHAR(128) NOT NULL,
    subject VARCHAR(255) NOT NULL,
    issued_at_ms BIGINT NOT NULL,
    expires_at_ms BIGINT NOT NULL,
    used_at_ms BIGINT,
    revoked_at_ms BIGINT,
    PRIMARY KEY (token_hash)
);

CREATE INDEX ix_mainstay_refresh_token_family ON mainstay_refresh_token (family_id);
CREATE INDEX ix_mainstay_refresh_token_subject ON mainstay_refresh_token (subject);
CREATE INDEX ix_mainstay_refresh_token_expires ON mainstay_refresh_token (expires_at_ms);
