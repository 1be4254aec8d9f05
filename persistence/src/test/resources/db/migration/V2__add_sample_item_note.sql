-- A second increment, so that code generation and Flyway both apply scripts in version order.
ALTER TABLE sample_item ADD COLUMN note VARCHAR(200);
