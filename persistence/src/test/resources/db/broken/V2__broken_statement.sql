-- Deliberately invalid: start-up must stop and name this file.
CREATE TABLE broken_table (id BIGINT NOT NULL,, oops);
