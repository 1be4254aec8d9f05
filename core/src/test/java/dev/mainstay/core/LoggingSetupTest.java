package dev.mainstay.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import dev.mainstay.core.config.Config;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class LoggingSetupTest {
    @Test
    void stepsAsideWhenTheApplicationShipsItsOwnLogbackXml(@TempDir Path dir) throws Exception {
        assertFalse(Logging.userConfigurationPresent(), "core's tests ship no logback.xml");
        Files.writeString(dir.resolve("logback.xml"), "<configuration/>");
        ClassLoader original = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader withUserConfig =
                new URLClassLoader(new URL[] {dir.toUri().toURL()}, original)) {
            Thread.currentThread().setContextClassLoader(withUserConfig);
            assertTrue(Logging.userConfigurationPresent());
        } finally {
            Thread.currentThread().setContextClassLoader(original);
        }
    }

    @Test
    void appliesLogLevelFromConfig() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        try {
            Logging.apply(Config.of(Map.of("log.level", "warn")).bind(ServerConfig::from));
            assertEquals(
                    Level.WARN,
                    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel());
        } finally {
            Logging.apply(Config.of(Map.of()).bind(ServerConfig::from));
        }
        assertEquals(
                Level.INFO, context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel());
    }
}
