package dev.mainstay.security.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.security.Principal;
import dev.mainstay.security.auth.AccountStore;
import dev.mainstay.security.auth.AuthFlows;
import dev.mainstay.security.auth.TokenPair;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Proves that hashing, tokens, throttling and the account flows work as plain Java: surefire's "plain-java" execution
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
    void readmeExample() {
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        String base64Secret = java.util.Base64.getEncoder().encodeToString(random);
        // --- README: begin
        PasswordHasher hasher = PasswordHasher.bcrypt(12);
        String hash = hasher.hash("correct horse battery staple");
        boolean ok = hasher.verify("correct horse battery staple", hash); // true

        JwtKey key = JwtKey.hmac("2030-01", JwtAlgorithm.HS256, base64Secret); // openssl rand -base64 32
        AccessTokens tokens = AccessTokens.create(JwtConfig.of("https://api.example.com", "example-api", key));
        String jwt = tokens.issue("user-42", Set.of("admin")).value();
        Optional<Principal> who = tokens.verify(jwt); // user-42, role admin
        // --- README: end
        assertTrue(ok);
        assertEquals(Optional.of(new Principal("user-42", Set.of("admin"))), who);
    }

    @Test
    void runsTheAccountFlowsWithoutCore() {
        Map<String, String> hashes = new ConcurrentHashMap<>();
        AccountStore<String> accounts = new AccountStore<>() {
            @Override
            public Optional<String> findByLogin(String login) {
                return hashes.containsKey(login) ? Optional.of(login) : Optional.empty();
            }

            @Override
            public Optional<String> findBySubject(String subject) {
                return findByLogin(subject);
            }

            @Override
            public String subject(String user) {
                return user;
            }

            @Override
            public String passwordHash(String user) {
                return hashes.get(user);
            }

            @Override
            public void savePasswordHash(String user, String newHash) {
                hashes.put(user, newHash);
            }
        };
        AuthFlows<String> auth = AuthFlows.builder(accounts)
                .passwords(PasswordHasher.bcrypt(10), PasswordConfig.defaults().policy())
                .throttle(LoginThrottle.inMemory(ThrottleConfig.defaults()))
                .accessTokens(AccessTokens.create(
                        JwtConfig.of("https://issuer.example", "api", JwtKey.generate("k1", JwtAlgorithm.HS256))))
                .refreshTokens(RefreshTokens.create(new InMemoryRefreshTokenStore(), Duration.ofDays(1)))
                .build();
        auth.register("a plain java password", "192.0.2.1", hash -> Optional.ofNullable(hashes.putIfAbsent("ada", hash) == null ? "ada" : null));
        TokenPair tokens = auth.login("ada", "a plain java password", "192.0.2.1").orElseThrow().tokens();
        assertEquals("ada", auth.refresh(tokens.refreshToken()).orElseThrow().user());
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
