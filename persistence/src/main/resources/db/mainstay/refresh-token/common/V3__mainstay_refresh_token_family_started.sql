-- When the token's family started (the login), so that a family can be given an absolute lifetime
-- (security.refresh.absolute-ttl) however often it is rotated. Vendor-neutral: H2, PostgreSQL and
-- MariaDB/MySQL. Version 3 because the MariaDB/MySQL folders hold a V2 of their own; H2 and PostgreSQL
-- simply have no version 2. The column stays nullable (making it NOT NULL needs vendor syntax): rows
-- from before this script get their own issue time, and the store reads a null the same way.
ALTER TABLE mainstay_refresh_token ADD COLUMN family_started_at_ms BIGINT;
UPDATE mainstay_refresh_token SET family_started_at_ms = issued_at_ms WHERE family_started_at_ms IS NULL;
