-- The application's migrations of FlywayStartup: one table, as a new generated service has.
CREATE TABLE bench_startup_items (
    id   BIGINT PRIMARY KEY,
    name VARCHAR(100) NOT NULL
);
