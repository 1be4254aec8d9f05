package com.example.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mainstay.core.Mainstay;
import dev.mainstay.core.config.Config;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** mainstay-core on its own: start an app on a free port, ask whether it is alive, stop it. */
class CoreAloneTest {

    @Test
    void startsAnswersLivenessAndStops() throws Exception {
        Config config = Config.of(Map.of("http.port", "0", "profile", "test"));
        try (Mainstay app = Mainstay.create(config, setup -> {}).start()) {
            HttpRequest live = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/health/live"))
                    .build();

            HttpResponse<String> answer = HttpClient.newHttpClient().send(live, HttpResponse.BodyHandlers.ofString());

            assertEquals(200, answer.statusCode());
        }
    }

    /** Core is the bottom of the module graph: it brings neither security nor persistence. */
    @ParameterizedTest
    @ValueSource(strings = {"dev.mainstay.security.password.PasswordHasher", "dev.mainstay.persistence.Database"})
    void bringsNoOtherMainstayModule(String className) {
        assertThrows(ClassNotFoundException.class, () -> Class.forName(className));
    }
}
