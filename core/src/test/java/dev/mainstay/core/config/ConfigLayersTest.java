package dev.mainstay.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLayersTest {
    @Test
    void appliesClasspathThenFileThenEnvThenSystemPropertiesThenOverrides(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("app.properties");
        Files.writeString(file, "test.file=file\ntest.env=file\ntest.sysprop=file\ntest.override=file\n");
        Map<String, String> env = Map.of(
                "MAINSTAY_CONFIG_FILE", file.toString(),
                "MAINSTAY_TEST_ENV", "env",
                "MAINSTAY_TEST_SYSPROP", "env",
                "MAINSTAY_TEST_OVERRIDE", "env");
        Properties props = new Properties();
        props.setProperty("mainstay.test.sysprop", "sysprop");
        props.setProperty("mainstay.test.override", "sysprop");
        props.setProperty("unrelated.key", "ignored");

        Config config = Config.load(env, props).with(Map.of("test.override", "override"));

        assertEquals("classpath", config.get("test.classpath").orElseThrow());
        assertEquals("file", config.get("test.file").orElseThrow());
        assertEquals("env", config.get("test.env").orElseThrow());
        assertEquals("sysprop", config.get("test.sysprop").orElseThrow());
        assertEquals("override", config.get("test.override").orElseThrow());
    }

    @Test
    void readsPlainPortButLetsMainstayHttpPortWin() {
        assertEquals(
                "9000",
                Config.load(Map.of("PORT", "9000"), new Properties())
                        .get("http.port")
                        .orElseThrow());
        assertEquals(
                "9001",
                Config.load(Map.of("PORT", "9000", "MAINSTAY_HTTP_PORT", "9001"), new Properties())
                        .get("http.port")
                        .orElseThrow());
    }

    @Test
    void readsTheProfileFromTheEnvironment() {
        Config config = Config.load(Map.of("MAINSTAY_PROFILE", "prod"), new Properties());
        assertEquals(Profile.PROD, config.profile());
    }

    @Test
    void parsesSizesWithUnits() {
        Config config = Config.of(Map.of("a", "512KB", "b", "2mb", "c", "100"));
        assertEquals(Long.valueOf(524288L), config.<Long>bind(r -> r.bytes("a", 0, 1, Long.MAX_VALUE)));
        assertEquals(Long.valueOf(2097152L), config.<Long>bind(r -> r.bytes("b", 0, 1, Long.MAX_VALUE)));
        assertEquals(Long.valueOf(100L), config.<Long>bind(r -> r.bytes("c", 0, 1, Long.MAX_VALUE)));
    }
}
