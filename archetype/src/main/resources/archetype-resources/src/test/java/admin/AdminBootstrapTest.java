package ${package}.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ${package}.App;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mainstay.core.config.ConfigException;
import dev.mainstay.core.config.ConfigProblem;
import dev.mainstay.test.MainstayTest;
import dev.mainstay.test.TestClient;
import dev.mainstay.test.database.DatabaseExtension;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The first admin comes from {@code app.admin-email} and {@code app.admin-password}, and nobody can
 * take that role by registering the address first: each test restarts the service on one database.
 */
class AdminBootstrapTest {
    private static final String OPS = "ops@corp.example";
    private static final String OPERATOR_PASSWORD = "the operator's own passphrase";
    private static final String ATTACKER_PASSWORD = "the attacker's own passphrase";

    /** An H2 database per test, kept across the restarts of that test. */
    @RegisterExtension
    final DatabaseExtension database = DatabaseExtension.h2();

    /**
     * Issue 13, item 1: an attacker registers the address before the operator configures it as the
     * admin's. The next start must refuse, naming the key, the conflict and the fix, and must not
     * have made the attacker's account admin.
     */
    @Test
    void refusesToMakeAnAccountRegisteredByAnyoneElseAdmin() {
        run(Map.of(), client -> assertEquals(201, register(client, OPS, ATTACKER_PASSWORD).statusCode()));

        ConfigException refused = assertThrows(ConfigException.class, () -> run(admin(OPS, OPERATOR_PASSWORD), client -> {}));

        ConfigProblem problem = refused.problems().get(0);
        assertEquals(List.of("app.admin-email"), refused.problems().stream().map(ConfigProblem::key).toList());
        assertTrue(problem.fix().contains("already registered"), problem.fix());
        assertTrue(problem.fix().contains("app.admin-password"), problem.fix());
        assertFalse(refused.getMessage().contains(OPERATOR_PASSWORD), refused.getMessage());
        run(Map.of(), client -> assertEquals("[\"user\"]", me(client, OPS, ATTACKER_PASSWORD).path("roles").toString()));
    }

    @Test
    void makesAnExistingAccountAdminWhenItsPasswordIsTheConfiguredOne() {
        run(Map.of(), client -> assertEquals(201, register(client, OPS, OPERATOR_PASSWORD).statusCode()));

        run(admin(OPS, OPERATOR_PASSWORD), client ->
                assertEquals("[\"admin\",\"user\"]", me(client, OPS, OPERATOR_PASSWORD).path("roles").toString()));
    }

    /** The admin it created keeps the role, whatever its password is now (an admin may change it). */
    @Test
    void startsAgainWithTheAdminItCreated() {
        run(admin(OPS, OPERATOR_PASSWORD), client -> {});

        run(admin(OPS, "another configured passphrase"), client ->
                assertEquals("[\"admin\",\"user\"]", me(client, OPS, OPERATOR_PASSWORD).path("roles").toString()));
    }

    private void run(Map<String, String> overrides, ClientTest test) {
        Map<String, String> config = new HashMap<>(database.target().config());
        config.putAll(overrides);
        MainstayTest.run(config, App::configure, (app, client) -> test.accept(client));
    }

    private static Map<String, String> admin(String email, String password) {
        return Map.of("app.admin-email", email, "app.admin-password", password);
    }

    private static HttpResponse<String> register(TestClient client, String email, String password) {
        return client.post("/api/auth/register", Map.of("email", email, "password", password));
    }

    private static JsonNode me(TestClient client, String email, String password) {
        HttpResponse<String> login = client.post("/api/auth/login", Map.of("email", email, "password", password));
        assertEquals(200, login.statusCode(), login.body());
        String token = client.json(login).path("accessToken").asText();
        return client.json(client.get("/api/me", "Authorization", "Bearer " + token));
    }

    /** What a test does with one run of the service. */
    private interface ClientTest {
        void accept(TestClient client);
    }
}
