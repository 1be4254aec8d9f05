-- TEXT holds 64 KiB here; answers may be larger. Hashes compare byte for byte.
ALTER TABLE mainstay_idempotency MODIFY body MEDIUMTEXT;
ALTER TABLE mainstay_idempotency CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
