package dev.mainstay.security.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mainstay.security.password.HashingBusyException;
import dev.mainstay.security.password.PasswordRejectedException;
import dev.mainstay.security.password.PasswordRejectedException.Reason;
import dev.mainstay.security.throttle.LoginThrottledException;
import dev.mainstay.test.MainstayTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The security exceptions leave a real app as problem+json with the right status and headers. */
class SecurityProblemsTest {
    private static void run(MainstayTest.Body body) {
        MainstayTest.run(
                setup -> {
                    SecurityProblems.register(setup, "/user/password");
                    setup.javalin(cfg -> {
                        cfg.routes.post("/busy", ctx -> {
                            throw new HashingBusyException(Duration.ofMillis(1500));
                        });
                        cfg.routes.post("/throttled", ctx -> {
                            throw new LoginThrottledException(Duration.ofSeconds(42));
                        });
                        cfg.routes.post("/weak", ctx -> {
                            throw new PasswordRejectedException(Reason.TOO_SHORT, "must be at least 12 characters");
                        });
                    });
                },
                body);
    }

    @Test
    void answersABusyHasherWith503AndRetryAfterRoundedUp() {
        run((app, client) -> {
            HttpResponse<String> response = client.post("/busy", "{}");
            assertEquals(503, response.statusCode());
            assertEquals("2", response.headers().firstValue("Retry-After").orElseThrow());
            assertEquals(
                    "application/problem+json",
                    response.headers().firstValue("Content-Type").orElse(""));
        });
    }

    @Test
    void answersAThrottledLoginWith429AndRetryAfter() {
        run((app, client) -> {
            HttpResponse<String> response = client.post("/throttled", "{}");
            assertEquals(429, response.statusCode());
            assertEquals("42", response.headers().firstValue("Retry-After").orElseThrow());
        });
    }

    @Test
    void answersARejectedPasswordWith422NamingTheField() {
        run((app, client) -> {
            HttpResponse<String> response = client.post("/weak", "{}");
            assertEquals(422, response.statusCode());
            JsonNode error = client.json(response).path("errors").get(0);
            assertEquals("/user/password", error.path("pointer").asText());
            assertEquals("must be at least 12 characters", error.path("message").asText());
        });
    }

    @Test
    void neverAnswersRetryAfterZero() {
        assertEquals("1", SecurityProblems.seconds(Duration.ZERO));
        assertEquals("1", SecurityProblems.seconds(Duration.ofMillis(1)));
        assertEquals("60", SecurityProblems.seconds(Duration.ofSeconds(60)));
    }
}
