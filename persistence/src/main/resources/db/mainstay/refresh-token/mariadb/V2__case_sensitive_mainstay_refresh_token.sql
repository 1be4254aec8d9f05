-- MariaDB and MySQL compare text case-insensitively by default: revoking subject "alice" would also
-- revoke "Alice". Hashes, families and subjects are exact identifiers, so compare them byte for byte.
ALTER TABLE mainstay_refresh_token CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
