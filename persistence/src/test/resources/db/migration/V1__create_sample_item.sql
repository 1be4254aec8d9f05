-- The test schema. Vendor-neutral SQL: it runs on H2, PostgreSQL and MariaDB, and jOOQ's
-- DDLDatabase parses it at build time to generate dev.mainstay.persistence.sample.jooq.
CREATE TABLE sample_item (
    id BIGINT NOT NULL,
    name VARCHAR(100) NOT NULL,
    priority INT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_sample_item_name UNIQUE (name)
);
