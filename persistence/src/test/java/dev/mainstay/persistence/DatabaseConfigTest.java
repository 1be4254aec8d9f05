package dev.mainstay.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.core.config.Config;
import dev.mainstay.core.config.ConfigException;
import dev.mainstay.core.config.ConfigProblem;
import dev.mainstay.persistence.web.MainstayPersistence;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseConfigTest {

    private static DatabaseConfig bind(Map<String, String> values) {
        return Config.of(values).bind(MainstayPersistence::config);
    }

    private static List<String> problemKeys(Map<String, String> values) {
        ConfigException e = assertThrows(ConfigException.class, () -> bind(values));
        return e.problems().stream().map(ConfigProblem::key).toList();
    }

    @Test
    void defaultsToInMemoryH2AndHikariAdviceInDev() {
        DatabaseConfig config = bind(Map.of());
        assertEquals(DatabaseConfig.DEV_URL, config.url());
        assertEquals(10, config.poolMaxSize());
        assertEquals(10, config.poolMinIdle(), "a fixed-size pool unless told otherwise");
        assertEquals(Duration.ofSeconds(3), config.connectionTimeout());
        assertEquals(Duration.ofMinutes(30), config.maxLifetime());
        assertEquals(Duration.ofSeconds(30), config.queryTimeout());
        assertTrue(config.migrate());
        assertEquals(DatabaseConfig.DEFAULT_LOCATIONS, config.migrationLocations());
        assertEquals(DatabaseConfig.Startup.FAIL_FAST, config.startup());
        assertNull(config.user());
        assertNull(config.password());
    }

    @Test
    void prodWithoutUrlIsAProblemNamingDbUrl() {
        ConfigException e = assertThrows(ConfigException.class, () -> bind(Map.of("profile", "prod")));
        assertEquals(
                List.of("db.url"), e.problems().stream().map(ConfigProblem::key).toList());
        assertTrue(e.getMessage().contains("MAINSTAY_DB_URL"), e.getMessage());
    }

    @Test
    void prodRefusesH2() {
        assertEquals(List.of("db.url"), problemKeys(Map.of("profile", "prod", "db.url", "jdbc:h2:mem:x")));
    }

    @Test
    void prodAcceptsPostgresql() {
        DatabaseConfig config = bind(Map.of("profile", "prod", "db.url", "jdbc:postgresql://db:5432/app"));
        assertEquals("jdbc:postgresql://db:5432/app", config.url());
    }

    @Test
    void unsupportedUrlIsAProblemThatListsTheSupportedOnes() {
        ConfigException e = assertThrows(ConfigException.class, () -> bind(Map.of("db.url", "jdbc:oracle:thin:@x")));
        assertTrue(e.getMessage().contains("jdbc:postgresql:"), e.getMessage());
    }

    @Test
    void reportsEveryBadKeyAtOnce() {
        List<String> keys = problemKeys(Map.of(
                "db.pool.max-size", "0",
                "db.pool.connection-timeout", "100ms",
                "db.pool.max-lifetime", "5s",
                "db.query-timeout", "2h",
                "db.migrate", "yes",
                "db.startup", "later"));
        assertEquals(
                List.of(
                        "db.pool.max-size",
                        "db.pool.connection-timeout",
                        "db.pool.max-lifetime",
                        "db.query-timeout",
                        "db.migrate",
                        "db.startup"),
                keys);
    }

    @Test
    void minIdleAboveMaxSizeIsAProblem() {
        assertEquals(
                List.of("db.pool.min-idle"), problemKeys(Map.of("db.pool.max-size", "4", "db.pool.min-idle", "5")));
    }

    @Test
    void readsWaitModeAndLocations() {
        DatabaseConfig config =
                bind(Map.of("db.startup", "wait", "db.migrations.locations", "classpath:a, classpath:b/{vendor}"));
        assertEquals(DatabaseConfig.Startup.WAIT, config.startup());
        assertEquals(List.of("classpath:a", "classpath:b/{vendor}"), config.migrationLocations());
    }

    @Test
    void toStringMasksThePasswordEvenInsideTheUrl() {
        DatabaseConfig config = bind(
                Map.of("db.url", "jdbc:postgresql://db/app?user=app&password=url-secret", "db.password", "key-secret"));
        String shown = config.toString();
        assertFalse(shown.contains("url-secret"), shown);
        assertFalse(shown.contains("key-secret"), shown);
        assertEquals("key-secret", config.password());
    }

    @Test
    void problemsShowTheUrlWithItsPasswordMasked() {
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> bind(Map.of("profile", "prod", "db.url", "jdbc:h2:tcp://h/db;PASSWORD=hunter2")));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }
}
