package dev.mainstay.security.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.security.Principal;
import dev.mainstay.security.password.PasswordConfig;
import dev.mainstay.security.password.PasswordHasher;
import dev.mainstay.security.throttle.LoginThrottle;
import dev.mainstay.security.throttle.ThrottleConfig;
import dev.mainstay.security.token.AccessTokens;
import dev.mainstay.security.token.InMemoryRefreshTokenStore;
import dev.mainstay.security.token.JwtAlgorithm;
import dev.mainstay.security.token.JwtConfig;
import dev.mainstay.security.token.JwtKey;
import dev.mainstay.security.token.RefreshTokens;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Proves that hashing, tokens and throttling work as plain Java: surefire's "plain-java" execution
 * runs this class with mainstay-core, Javalin, Jetty and Kotlin removed from the classpath (see
 * pom.xml). Any accidental dependency on them fails here with NoClassDefFoundError.
 */
class PlainJavaTest {

    @Test
    void runsWithoutCoreOrJavalinOnTheClasspath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("io.javalin.Javalin"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("dev.mainstay.core.config.Config"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.eclipse.jetty.server.Server"));
    }

    @Test
    void hashesAndVerifiesAPassword() {
        PasswordHasher hasher = PasswordHasher.bcrypt(10);
        String hash = hasher.hash("a plain java password");
        assertTrue(hasher.verify("a plain java password", hash));
        assertTrue(PasswordConfig.defaults()
                .policy()
                .violation("a plain java password")
                .isEmpty());
    }

    @Test
    void issuesAndVerifiesAnAccessTokenAndRotatesARefreshToken() {
        AccessTokens tokens = AccessTokens.create(
                JwtConfig.of("https://issuer.example", "api", JwtKey.generate("k1", JwtAlgorithm.ES256)));
        String token = tokens.issue("user-1", Set.of("admin")).value();
        assertEquals(Optional.of(new Principal("user-1", Set.of("admin"))), tokens.verify(token));

        RefreshTokens refresh = RefreshTokens.create(new InMemoryRefreshTokenStore(), Duration.ofDays(1));
        String first = refresh.issue("user-1").value();
        assertEquals("user-1", refresh.rotate(first).orElseThrow().subject());
        assertTrue(refresh.rotate(first).isEmpty(), "reuse is refused");
    }

    @Test
    void throttlesLogins() {
        LoginThrottle throttle = LoginThrottle.inMemory(ThrottleConfig.defaults());
        assertTrue(throttle.retryAfter("ada@example.com", "192.0.2.1").isEmpty());
    }
}
