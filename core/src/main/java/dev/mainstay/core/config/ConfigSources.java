package dev.mainstay.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/** Reads the layers of configuration; package-private because {@link Config#load()} is the one way in. */
final class ConfigSources {
    static final String CONFIG_FILE_ENV = "MAINSTAY_CONFIG_FILE";
    static final String ENV_PREFIX = "MAINSTAY_";
    static final String SYSTEM_PROPERTY_PREFIX = "mainstay.";

    private ConfigSources() {}

    /** {@code http.port} becomes {@code MAINSTAY_HTTP_PORT}; dots and dashes become underscores. */
    static String envName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    static Map<String, String> classpath(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            return in == null ? Map.of() : read(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read classpath resource " + resource, e);
        }
    }

    static Map<String, String> file(Path path) {
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return read(in);
        } catch (IOException e) {
            throw new ConfigException(java.util.List.of(new ConfigProblem(
                    "config-file",
                    path.toString(),
                    "cannot read the file named by " + CONFIG_FILE_ENV + " (" + e.getMessage()
                            + "); fix the path or unset the variable")));
        }
    }

    /** System properties that start with {@code mainstay.}, with the prefix removed. */
    static Map<String, String> systemProperties(Properties properties) {
        Map<String, String> values = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(SYSTEM_PROPERTY_PREFIX)) {
                values.put(name.substring(SYSTEM_PROPERTY_PREFIX.length()), properties.getProperty(name));
            }
        }
        return values;
    }

    private static Map<String, String> read(Reader reader) throws IOException {
        Properties properties = new Properties();
        properties.load(reader);
        Map<String, String> values = new HashMap<>();
        properties
                .stringPropertyNames()
                .forEach(name -> values.put(name, properties.getProperty(name).trim()));
        return values;
    }
}
