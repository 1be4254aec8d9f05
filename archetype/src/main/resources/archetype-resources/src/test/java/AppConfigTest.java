package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.core.config.Config;
import dev.mainstay.core.config.ConfigException;
import dev.mainstay.core.config.ConfigProblem;
import dev.mainstay.security.password.PasswordPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppConfigTest {
    private static final PasswordPolicy POLICY = new PasswordPolicy(12, true);

    @Test
    void needsNoAdmin() {
        AppConfig config = read(Map.of());

        assertTrue(config.adminEmail().isEmpty());
        assertTrue(config.adminPassword().isEmpty());
    }

    @Test
    void readsTheFirstAdminWithTheAddressNormalized() {
        AppConfig config = read(Map.of("app.admin-email", " Admin@Example.com ", "app.admin-password", "a long admin passphrase"));

        assertEquals("admin@example.com", config.adminEmail().orElseThrow());
        assertEquals("a long admin passphrase", config.adminPassword().orElseThrow().reveal());
    }

    @Test
    void needsBothTheAddressAndThePassword() {
        assertEquals(List.of("app.admin-password"), keys(problems(Map.of("app.admin-email", "admin@example.com"))));
        assertEquals(List.of("app.admin-email"), keys(problems(Map.of("app.admin-password", "a long admin passphrase"))));
    }

    @Test
    void refusesAnAddressThatIsNotOne() {
        Map<String, String> values = Map.of("app.admin-email", "admin", "app.admin-password", "a long admin passphrase");

        assertEquals(List.of("app.admin-email"), keys(problems(values)));
    }

    @Test
    void refusesAWeakPasswordWithoutShowingIt() {
        ConfigException e = problems(Map.of("app.admin-email", "admin@example.com", "app.admin-password", "tiny-pw"));

        assertEquals(List.of("app.admin-password"), keys(e));
        assertFalse(e.getMessage().contains("tiny-pw"), e.getMessage());
        assertEquals("****", e.problems().get(0).value());
    }

    private static AppConfig read(Map<String, String> values) {
        return Config.of(values).bind(r -> AppConfig.from(r, POLICY));
    }

    private static ConfigException problems(Map<String, String> values) {
        return assertThrows(ConfigException.class, () -> read(values));
    }

    private static List<String> keys(ConfigException e) {
        return e.problems().stream().map(ConfigProblem::key).toList();
    }
}
