package dev.mainstay.examples.realworld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.test.MainstayTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The app as the README boots it: no database or key configured, so H2 in memory and a dev key. */
class ZeroConfigTest {

    @Test
    void servesTheApiOnH2WithoutAnyConfiguration() {
        MainstayTest.run(Map.of("security.password.cost", "10"), RealWorldApp::setup, (app, client) -> {
            Conduit api = new Conduit(client);
            Conduit.Account jake = api.register("jake");
            assertEquals(200, client.get("/api/user", jake.auth()).statusCode());
            HttpResponse<String> ready = client.admin().get("/health/ready");
            assertEquals(200, ready.statusCode(), ready.body());
            assertTrue(ready.body().contains("database"), ready.body());
        });
    }
}
