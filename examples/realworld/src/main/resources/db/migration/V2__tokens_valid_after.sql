-- Issue 13 item 6: a change of password or e-mail revokes every token issued before it. Tokens whose
-- iat (seconds since the epoch, as in the JWT) is earlier than this are refused; 0 refuses none.
ALTER TABLE users ADD COLUMN tokens_valid_after BIGINT DEFAULT 0 NOT NULL;
