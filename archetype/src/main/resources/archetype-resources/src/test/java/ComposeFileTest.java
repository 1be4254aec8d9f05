package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code compose.yaml} starts the PostgreSQL that README.md, "PostgreSQL on your machine", uses. There
 * is no Docker engine in the build, so this parses the file and compares it with the README's
 * command and with the properties files, instead of starting it.
 */
class ComposeFileTest {
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?\\s]+)");

    /** The README section whose commands start and use the compose database. */
    private static final String SECTION = "PostgreSQL on your machine";

    private static JsonNode postgres;
    private static String section;

    @BeforeAll
    static void readFiles() throws IOException {
        JsonNode compose = new YAMLMapper().readTree(Path.of("compose.yaml").toFile());
        postgres = compose.at("/services/postgres");
        String readme = Files.readString(Path.of("README.md"));
        // Headings are written [#] in patterns: two hashes in a row would start a Velocity comment
        // in the archetype's template of this file.
        Matcher heading = Pattern.compile("(?m)^[#]{2,3} " + SECTION + "$").matcher(readme);
        assertTrue(heading.find(), "README.md has no section '" + SECTION + "'");
        Matcher next = Pattern.compile("(?m)^[#]{2,3} ").matcher(readme);
        section = readme.substring(heading.end(), next.find(heading.end()) ? next.start() : readme.length());
        assertTrue(section.contains("docker compose up"), "the section does not start compose.yaml");
    }

    @Test
    void composeRunsPostgresqlWithAHealthCheck() {
        assertTrue(postgres.path("image").asText().startsWith("postgres:"), postgres.path("image").asText());
        assertEquals("pg_isready", postgres.at("/healthcheck/test/1").asText(), "docker compose up --wait needs it");
    }

    @Test
    void theReadmeConnectsToTheComposeDatabase() {
        Matcher url = JDBC_URL.matcher(readmeValue("MAINSTAY_DB_URL"));
        assertTrue(url.matches(), "README.md's MAINSTAY_DB_URL is not a PostgreSQL URL: " + readmeValue("MAINSTAY_DB_URL"));

        assertEquals("localhost", url.group(1));
        assertEquals(publishedPort(), Integer.parseInt(url.group(2)), "port in the README vs compose.yaml");
        assertEquals(environment("POSTGRES_DB"), url.group(3), "database name");
        assertEquals(environment("POSTGRES_USER"), readmeValue("MAINSTAY_DB_USER"), "user");
        assertEquals(environment("POSTGRES_PASSWORD"), readmeValue("MAINSTAY_DB_PASSWORD"), "password");
    }

    @Test
    void thePropertiesFilesHoldNoDatabaseSettings() throws IOException {
        // The compose database is for development; prod must get its database from the environment,
        // so no profile may quietly fall back to it.
        for (String file : List.of("application.properties", "application-dev.properties", "application-prod.properties")) {
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(Path.of("src/main/resources", file))) {
                properties.load(in);
            }
            for (String key : List.of("db.url", "db.user", "db.password")) {
                assertFalse(properties.containsKey(key), file + " sets " + key);
            }
            assertFalse(
                    properties.containsValue(environment("POSTGRES_PASSWORD")),
                    file + " holds the compose database's password");
        }
    }

    /** The value of {@code NAME=value} in the README section's commands, quotes removed. */
    private static String readmeValue(String name) {
        Matcher m = Pattern.compile("(?:^|\\s)" + name + "='?([^'\\s]+)'?").matcher(section);
        assertTrue(m.find(), "README.md's section '" + SECTION + "' sets no " + name);
        return m.group(1);
    }

    private static String environment(String name) {
        String value = postgres.at("/environment/" + name).asText();
        assertFalse(value.isEmpty(), "compose.yaml sets no " + name);
        return value;
    }

    /** The host port of {@code "127.0.0.1:5432:5432"}. */
    private static int publishedPort() {
        String[] parts = postgres.at("/ports/0").asText().split(":");
        assertEquals("127.0.0.1", parts[0], "publish the database on 127.0.0.1 only: " + String.join(":", parts));
        return Integer.parseInt(parts[1]);
    }
}
