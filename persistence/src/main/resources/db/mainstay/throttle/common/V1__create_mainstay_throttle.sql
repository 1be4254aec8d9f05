-- Login-throttle counters of mainstay-security, shared by every instance (DatabaseThrottleStore).
-- Vendor-neutral: runs as is on H2, PostgreSQL and MariaDB/MySQL. Applied by Database.migrateModule
-- with its own history table (mainstay_throttle_history), apart from the application's scripts.
--
-- The key is stored as the hex SHA-256 of the throttle key ("account:ada@example.com"): a fixed
-- length that every database can index, the same bytes whatever the collation, and no table of the
-- login names people typed (which sometimes are passwords typed in the wrong field).
-- The window's end is BIGINT milliseconds since the epoch (UTC), as in mainstay_refresh_token.
CREATE TABLE mainstay_throttle (
    key_hash VARCHAR(64) NOT NULL,
    attempts INTEGER NOT NULL,
    window_ends_ms BIGINT NOT NULL,
    PRIMARY KEY (key_hash)
);

CREATE INDEX ix_mainstay_throttle_window_ends ON mainstay_throttle (window_ends_ms);
