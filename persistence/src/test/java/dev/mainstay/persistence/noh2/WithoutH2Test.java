package dev.mainstay.persistence.noh2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.persistence.Database;
import dev.mainstay.persistence.DatabaseConfig;
import dev.mainstay.persistence.DatabaseException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs in its own surefire execution with H2 removed from the classpath (see the pom): H2 is optional,
 * and without it a missing {@code db.url} is a start-up error that names the fix.
 */
class WithoutH2Test {
    private static final String SNIPPET =
            "<groupId>com.h2database</groupId>\n  <artifactId>h2</artifactId>";

    @Test
    void h2IsReallyAbsentInThisRun() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.h2.Driver"));
    }

    @Test
    void noUrlAndNoH2IsAnIssueNamingDbUrlAndThePomSnippet() {
        List<DatabaseConfig.Issue> issues = DatabaseConfig.builder().issues();
        assertEquals(1, issues.size(), issues.toString());
        DatabaseConfig.Issue issue = issues.get(0);
        assertEquals("db.url", issue.key());
        assertTrue(issue.fix().contains("MAINSTAY_DB_URL"), issue.fix());
        assertTrue(issue.fix().contains(SNIPPET), issue.fix());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> DatabaseConfig.builder().build());
        assertTrue(e.getMessage().contains(SNIPPET), e.getMessage());
    }

    @Test
    void theDevUrlGivenExplicitlyFailsAtCreateWithTheSameFix() {
        DatabaseConfig config = DatabaseConfig.builder().url(DatabaseConfig.DEV_URL).build();
        DatabaseException e = assertThrows(DatabaseException.class, () -> Database.create(config));
        assertTrue(e.getMessage().startsWith("db.url is not set"), e.getMessage());
        assertTrue(e.getMessage().contains(SNIPPET), e.getMessage());
    }

    @Test
    void aServerUrlNeedsNoH2() {
        assertEquals(
                "jdbc:postgresql://db:5432/app",
                DatabaseConfig.builder().url("jdbc:postgresql://db:5432/app").build().url());
    }
}
