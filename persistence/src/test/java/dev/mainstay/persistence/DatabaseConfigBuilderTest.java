package dev.mainstay.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plain-Java way to configure a database: no mainstay-core, every problem reported at once. */
class DatabaseConfigBuilderTest {

    @Test
    void defaultsToInMemoryH2AndAFixedPool() {
        DatabaseConfig config = DatabaseConfig.builder().build();
        assertEquals(DatabaseConfig.DEV_URL, config.url());
        assertEquals(10, config.poolMaxSize());
        assertEquals(10, config.poolMinIdle());
        assertEquals(DatabaseConfig.DEFAULT_LOCATIONS, config.migrationLocations());
    }

    @Test
    void buildReportsEveryBadSettingAtOnceNamingItsKey() {
        DatabaseConfig.Builder builder = DatabaseConfig.builder()
                .url("jdbc:oracle:thin:@x")
                .poolMaxSize(4)
                .poolMinIdle(5)
                .connectionTimeout(Duration.ofMillis(100))
                .maxLifetime(Duration.ofSeconds(5))
                .queryTimeout(Duration.ofHours(2));
        assertEquals(
                List.of(
                        "db.url",
                        "db.pool.min-idle",
                        "db.pool.connection-timeout",
                        "db.pool.max-lifetime",
                        "db.query-timeout"),
                builder.issues().stream().map(DatabaseConfig.Issue::key).toList());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
        assertTrue(
                e.getMessage().contains("db.pool.min-idle '5': must be from 0 to db.pool.max-size (4)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("jdbc:postgresql:"), e.getMessage());
    }

    @Test
    void theCanonicalConstructorChecksTheSameLimits() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new DatabaseConfig(
                        DatabaseConfig.DEV_URL,
                        null,
                        null,
                        0,
                        0,
                        DatabaseConfig.DEFAULT_CONNECTION_TIMEOUT,
                        DatabaseConfig.DEFAULT_MAX_LIFETIME,
                        DatabaseConfig.DEFAULT_QUERY_TIMEOUT,
                        true,
                        List.of(),
                        DatabaseConfig.Startup.FAIL_FAST));
        assertTrue(e.getMessage().contains("db.pool.max-size '0'"), e.getMessage());
    }

    @Test
    void productionRefusesH2AndAMissingUrl() {
        assertEquals(
                List.of("db.url"),
                DatabaseConfig.builder().production(true).issues().stream()
                        .map(DatabaseConfig.Issue::key)
                        .toList());
        List<DatabaseConfig.Issue> h2 = DatabaseConfig.builder()
                .production(true)
                .url("jdbc:h2:tcp://h/db;PASSWORD=hunter2")
                .issues();
        assertEquals(1, h2.size());
        assertFalse(h2.get(0).toString().contains("hunter2"), h2.get(0).toString());
    }

    @Test
    void toStringMasksThePassword() {
        DatabaseConfig config = DatabaseConfig.builder()
                .url("jdbc:postgresql://db/app?password=url-secret")
                .password("key-secret")
                .build();
        assertFalse(config.toString().contains("url-secret"), config.toString());
        assertFalse(config.toString().contains("key-secret"), config.toString());
    }
}
