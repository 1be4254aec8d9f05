package ${package};

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.test.ChildJvm;
import dev.mainstay.test.database.DatabaseServer;
import dev.mainstay.test.database.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up faults, each in a real JVM running {@link Main} as production runs it: the process must exit
 * with a non-zero status and a message that names the setting and the fix, without a stack trace.
 *
 * <p>The processes start together before the first test, so the class costs about one JVM start-up
 * (and one more for the PostgreSQL case, which needs a schema of its own).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StartupFaultsTest {
    /** A connection nobody answers: port 1 refuses at once; the short timeout bounds any other outcome. */
    private static final Map<String, String> UNREACHABLE_DATABASE =
            Map.of("db.url", "jdbc:postgresql://127.0.0.1:1/app", "db.pool.connection-timeout", "250ms");

    private Path dir;
    private final String shortSecret = randomSecret(16);
    private final Map<String, ChildJvm> runs = new HashMap<>();

    @BeforeAll
    void startEveryFaultyService(@TempDir Path dir) throws IOException {
        this.dir = dir;
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("V900__broken.sql"), "CREATE TABLE broken (id INT,");

        start("unreachable database", prod(UNREACHABLE_DATABASE, randomSecret(32)));
        start("missing key", prod(UNREACHABLE_DATABASE, null));
        start("short key", prod(UNREACHABLE_DATABASE, shortSecret));
        start("published key", prod(UNREACHABLE_DATABASE, "your-256-bit-secret"));
        start("invalid value", Map.of("http.port", "eighty"));
        start("failing migration", Map.of("db.migrations.locations", "classpath:db/migration,filesystem:" + migrations));
    }

    @AfterAll
    void stopLeftovers() {
        runs.values().forEach(ChildJvm::kill);
    }

    @Test
    void refusesAnUnreachableDatabaseInProd() {
        ChildJvm.Exit exit = failed("unreachable database");

        assertExplains(exit,
                "Cannot connect to the database at db.url", "Start the database or fix db.url (MAINSTAY_DB_URL)");
    }

    /**
     * The PostgreSQL of the test set-up trusts every existing role, so a role that does not exist is the
     * credential it genuinely refuses; with password authentication a wrong password gives the same message.
     */
    @Test
    void refusesCredentialsThePostgresServerRejects() {
        ChildJvm.Exit exit;
        try (TestDatabase database = DatabaseServer.POSTGRESQL.isolate()) {
            Map<String, String> unknownRole = Map.of("db.url", database.urlWithoutCredentials(),
                    "db.user", "no_such_role_of_the_tests", "db.password", "not the password");
            exit = ChildJvm.run(Main.class, prod(unknownRole, randomSecret(32)), dir.resolve("unknown-role"));
        }
        assertNotEquals(0, exit.status(), "started anyway:\n" + exit.describe());

        assertExplains(exit, "refused db.user 'no_such_role_of_the_tests'", "Check db.user and db.password");
        assertNeverShows(exit, "not the password");
    }

    @Test
    void refusesAMissingSigningKeyInProd() {
        ChildJvm.Exit exit = failed("missing key");

        assertExplains(exit,
                "security.jwt.secret (env MAINSTAY_SECURITY_JWT_SECRET) = (not set)", "openssl rand -base64 32");
    }

    @Test
    void refusesAShortSigningKeyWithoutShowingIt() {
        ChildJvm.Exit exit = failed("short key");

        assertExplains(exit,
                "security.jwt.secret (env MAINSTAY_SECURITY_JWT_SECRET) = '****'", "openssl rand -base64 32");
        assertNeverShows(exit, shortSecret);
    }

    @Test
    void refusesAPublishedExampleKey() {
        ChildJvm.Exit exit = failed("published key");

        assertExplains(exit, "published example", "openssl rand -base64 32");
        assertNeverShows(exit, "your-256-bit-secret");
    }

    @Test
    void refusesAnInvalidValueNamingTheKey() {
        ChildJvm.Exit exit = failed("invalid value");

        assertExplains(exit, "http.port (env MAINSTAY_HTTP_PORT) = 'eighty': must be a whole number");
    }

    @Test
    void stopsOnAFailingMigrationNamingTheScript() {
        ChildJvm.Exit exit = failed("failing migration");

        assertExplains(exit, "Migration V900__broken.sql failed", "Fix the script and restart");
    }

    @Test
    void explainsConfigurationFaultsWithoutAStackTrace() {
        for (String fault : new String[] {"missing key", "short key", "published key", "invalid value"}) {
            assertNoStackTrace(fault);
        }
    }

    @Test
    void explainsDatabaseFaultsWithoutAStackTrace() {
        for (String fault : new String[] {"unreachable database", "failing migration"}) {
            assertNoStackTrace(fault);
        }
    }

    private void start(String fault, Map<String, String> settings) {
        runs.put(fault, ChildJvm.start(Main.class, settings, dir.resolve(fault.replace(' ', '-'))));
    }

    /** Waits for the run of {@code fault}, checks that it failed, and returns what it printed. */
    private ChildJvm.Exit failed(String fault) {
        ChildJvm.Exit exit = runs.get(fault).await();
        assertNotEquals(0, exit.status(), fault + " started anyway:\n" + exit.describe());
        return exit;
    }

    /** Checks that the run of {@code fault} printed no stack trace: an operator needs the explanation, not frames. */
    private void assertNoStackTrace(String fault) {
        ChildJvm.Exit exit = failed(fault);
        assertFalse(exit.hasStackTrace(), fault + ": a stack trace was printed\n" + exit.describe());
    }

    /** Checks that the explanation on stderr contains each of {@code texts}. */
    private static void assertExplains(ChildJvm.Exit exit, String... texts) {
        for (String text : texts) {
            assertTrue(exit.stderr().contains(text), "stderr lacks '" + text + "'\n" + exit.describe());
        }
    }

    /** Checks that nothing the process printed contains {@code secret}. */
    private static void assertNeverShows(ChildJvm.Exit exit, String secret) {
        assertFalse((exit.stderr() + exit.stdout()).contains(secret), "a secret was printed\n" + exit.describe());
    }

    private static Map<String, String> prod(Map<String, String> database, String secret) {
        Map<String, String> settings = new HashMap<>(database);
        settings.put("profile", "prod");
        if (secret != null) {
            settings.put("security.jwt.secret", secret);
        }
        return settings;
    }

    private static String randomSecret(int bytes) {
        byte[] secret = new byte[bytes];
        new SecureRandom().nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }
}
