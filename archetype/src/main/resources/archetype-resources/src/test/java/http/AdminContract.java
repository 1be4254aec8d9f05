package ${package}.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code /api/admin/users}, and the first admin created from config. */
abstract class AdminContract extends ApiContract {
    /** The first admin, as the suites configure it ({@code app.admin-email}, {@code app.admin-password}). */
    static final String ADMIN_EMAIL = "admin@example.com";
    static final String ADMIN_PASSWORD = "admin password for tests";

    @Test
    void theConfiguredAdminHoldsTheAdminRole() {
        Session admin = login(null, ADMIN_EMAIL, ADMIN_PASSWORD);

        JsonNode me = json(get("/api/me", admin.accessToken()));

        assertTrue(me.path("roles").toString().contains("\"admin\""), me.toString());
    }

    @Test
    void listsUsersNewestFirstForAnAdmin() {
        Session user = newSession();
        Session admin = login(null, ADMIN_EMAIL, ADMIN_PASSWORD);

        HttpResponse<String> response = get("/api/admin/users?limit=100", admin.accessToken());

        assertEquals(200, response.statusCode(), response.body());
        List<String> emails = new ArrayList<>();
        json(response).path("items").forEach(item -> emails.add(item.path("email").asText()));
        assertEquals(user.email(), emails.get(0), "newest first");
        assertTrue(response.body().indexOf("password") < 0, "never a password hash");
    }

    @Test
    void refusesAUserWith403() {
        assertProblem(403, get("/api/admin/users", newSession().accessToken()));
    }

    @Test
    void refusesAnAnonymousCallerWith401() {
        assertProblem(401, get("/api/admin/users", null));
    }
}
