package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.core.Mainstay;
import dev.mainstay.core.config.Config;
import dev.mainstay.core.config.ConfigException;
import dev.mainstay.core.config.ConfigProblem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The prod profile refuses to start on development defaults, and says which keys to set. */
class ProdProfileTest {

    @Test
    void refusesToStartWithoutADatabaseUrlAndASigningKey() {
        List<String> keys = problemKeys(Map.of());

        assertTrue(keys.contains("db.url"), keys.toString());
        assertTrue(keys.contains("security.jwt.secret"), keys.toString());
    }

    @Test
    void refusesTheEmbeddedH2Database() {
        List<String> keys = problemKeys(Map.of("db.url", "jdbc:h2:mem:prod"));

        assertTrue(keys.contains("db.url"), keys.toString());
    }

    @Test
    void refusesAWeakSigningKeyWithoutShowingIt() {
        ConfigException e = startInProd(Map.of("security.jwt.secret", "changeme-changeme"));

        ConfigProblem problem = e.problems().stream()
                .filter(p -> p.key().equals("security.jwt.secret"))
                .findFirst()
                .orElseThrow();
        assertFalse(e.getMessage().contains("changeme-changeme"), e.getMessage());
        assertEquals("****", problem.value());
    }

    @Test
    void refusesAnAdminPasswordThatBreaksThePolicy() {
        List<String> keys = problemKeys(Map.of("app.admin-email", "admin@example.com", "app.admin-password", "short"));

        assertTrue(keys.contains("app.admin-password"), keys.toString());
    }

    private static List<String> problemKeys(Map<String, String> overrides) {
        return startInProd(overrides).problems().stream().map(ConfigProblem::key).toList();
    }

    private static ConfigException startInProd(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(overrides);
        values.put("profile", "prod");
        values.put("http.port", "0");
        Config config = Config.load().with(values);
        return assertThrows(ConfigException.class, () -> Mainstay.create(config, App::configure).close());
    }
}
