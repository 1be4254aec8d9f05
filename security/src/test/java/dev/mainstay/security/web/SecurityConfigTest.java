package dev.mainstay.security.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.core.config.Config;
import dev.mainstay.core.config.ConfigException;
import dev.mainstay.core.config.ConfigProblem;
import dev.mainstay.security.config.SecurityConfig;
import dev.mainstay.security.password.PasswordConfig;
import dev.mainstay.security.token.JwtAlgorithm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityConfigTest {
    private static final String SECRET = randomSecret();

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static SecurityConfig bind(Map<String, String> values) {
        return Config.of(values).bind(MainstaySecurity::readConfig);
    }

    private static Map<String, ConfigProblem> problems(Map<String, String> values) {
        ConfigException e = assertThrows(ConfigException.class, () -> bind(values));
        Map<String, ConfigProblem> byKey = new HashMap<>();
        e.problems().forEach(p -> byKey.put(p.key(), p));
        return byKey;
    }

    private static Map<String, String> prod(String... pairs) {
        Map<String, String> values = new HashMap<>(Map.of(
                "profile", "prod",
                "security.jwt.issuer", "https://api.example.com",
                "security.jwt.audience", "example-api",
                "security.jwt.secret", SECRET));
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                values.remove(pairs[i]);
            } else {
                values.put(pairs[i], pairs[i + 1]);
            }
        }
        return values;
    }

    @Test
    void startsInProdWithARealSecretIssuerAndAudience() {
        SecurityConfig config = bind(prod());
        assertEquals("https://api.example.com", config.jwt().issuer());
        assertEquals(JwtAlgorithm.HS256, config.jwt().currentKey().algorithm());
        assertEquals("main", config.jwt().currentKey().kid());
        assertTrue(config.headers().hsts(), "HSTS is on by default in prod");
        assertEquals(12, config.password().cost());
        assertEquals("Bearer", config.authScheme());
    }

    @Test
    void refusesProdWithoutKeyIssuerOrAudienceNamingEveryKeyAtOnce() {
        Map<String, ConfigProblem> problems =
                problems(prod("security.jwt.secret", null, "security.jwt.issuer", null, "security.jwt.audience", null));
        assertEquals(
                List.of("security.jwt.audience", "security.jwt.issuer", "security.jwt.secret"),
                problems.keySet().stream().sorted().toList());
        assertTrue(problems.get("security.jwt.secret").fix().contains("openssl rand -base64 32"));
    }

    @Test
    void refusesShortWellKnownAndPassphraseSecretsWithoutShowingThem() {
        String realWorld = "nRvyYC4soFxBdZ-F-5Nnzz5USXstR1YylsTd-mA0aKtI9HUlriGrtkf-TiuDapkLiUCogO3JOK7kwZisrHp6wA";
        String passphrase = Base64.getEncoder().encodeToString("this is a long passphrase, not a key!".getBytes());
        String shortKey = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        String typed = "my-super-secret-jwt-signing-key-for-production-use";
        for (String secret : List.of("changeme", realWorld, passphrase, shortKey, typed)) {
            for (String profile : List.of("prod", "dev")) {
                ConfigException e = assertThrows(
                        ConfigException.class, () -> bind(prod("profile", profile, "security.jwt.secret", secret)));
                ConfigProblem problem = e.problems().get(0);
                assertEquals("security.jwt.secret", problem.key());
                assertEquals("****", problem.value());
                assertFalse(e.getMessage().contains(secret), "the message must not show the secret");
                assertTrue(problem.fix().contains("openssl rand -base64 32"), problem.fix());
            }
        }
    }

    @Test
    void generatesARandomKeyInDevWithALoudWarningThatHidesIt() {
        try (LogCapture logs = new LogCapture()) {
            SecurityConfig config = bind(Map.of("profile", "dev"));
            assertTrue(config.jwt().currentKey().canSign());
            assertEquals("mainstay", config.jwt().issuer());
            String key = Base64.getEncoder()
                    .encodeToString(config.jwt().currentKey().signingKey().getEncoded());
            assertTrue(
                    logs.lines().stream().anyMatch(line -> line.contains("security.jwt.secret is not set")),
                    logs.lines().toString());
            assertTrue(logs.lines().stream().noneMatch(line -> line.contains(key)));
        }
    }

    @Test
    void readsEs256KeysFromPemFilesAndAVerifyOnlyPreviousKey(@TempDir Path dir) throws Exception {
        KeyPair current = ec();
        KeyPair old = ec();
        Path privateKey =
                write(dir, "key.pem", "PRIVATE KEY", current.getPrivate().getEncoded());
        Path publicKey =
                write(dir, "key.pub.pem", "PUBLIC KEY", current.getPublic().getEncoded());
        Path oldPublic = write(dir, "old.pub.pem", "PUBLIC KEY", old.getPublic().getEncoded());
        SecurityConfig config = bind(prod(
                "security.jwt.secret",
                null,
                "security.jwt.algorithm",
                "es256",
                "security.jwt.kid",
                "2030-01",
                "security.jwt.private-key-file",
                privateKey.toString(),
                "security.jwt.public-key-file",
                publicKey.toString(),
                "security.jwt.previous-kids",
                "2029-07",
                "security.jwt.previous.2029-07.public-key-file",
                oldPublic.toString()));
        assertEquals(JwtAlgorithm.ES256, config.jwt().currentKey().algorithm());
        assertEquals("2029-07", config.jwt().previousKeys().get(0).kid());
        assertFalse(config.jwt().previousKeys().get(0).canSign());
    }

    @Test
    void namesAnUnreadableKeyFile(@TempDir Path dir) {
        Map<String, ConfigProblem> problems = problems(prod(
                "security.jwt.secret",
                null,
                "security.jwt.algorithm",
                "RS256",
                "security.jwt.private-key-file",
                dir.resolve("missing.pem").toString(),
                "security.jwt.public-key-file",
                dir.resolve("missing.pub").toString()));
        assertTrue(problems.containsKey("security.jwt.private-key-file"), problems.toString());
        assertTrue(problems.get("security.jwt.private-key-file").fix().contains("cannot read"));
    }

    @Test
    void refusesOutOfRangeValuesNamingEachKey() {
        Map<String, ConfigProblem> problems = problems(prod(
                "security.password.cost", "9",
                "security.password.min-length", "6",
                "security.jwt.access-ttl", "2d",
                "security.cors.allowed-origins", "https://ok.example, *, null",
                "security.auth.scheme", "Bearer token"));
        assertEquals(
                "must be a whole number from 10 to 16",
                problems.get("security.password.cost").fix());
        assertTrue(problems.containsKey("security.password.min-length"));
        assertTrue(problems.containsKey("security.jwt.access-ttl"));
        assertTrue(problems.containsKey("security.cors.allowed-origins"));
        assertTrue(problems.containsKey("security.auth.scheme"));
    }

    @Test
    void readsTheRefreshSettingsAndBoundsTheCleanupInterval() {
        assertEquals(Duration.ofHours(1), bind(prod()).refresh().cleanupInterval());
        assertEquals(
                Duration.ofMinutes(5),
                bind(prod("security.refresh.cleanup-interval", "5m")).refresh().cleanupInterval());
        Map<String, ConfigProblem> problems =
                problems(prod("security.refresh.cleanup-interval", "10s", "security.refresh.ttl", "400d"));
        assertEquals(
                List.of("security.refresh.cleanup-interval", "security.refresh.ttl"),
                problems.keySet().stream().sorted().toList());
    }

    @Test
    void theBindingAndTheRecordsRefuseTheSameRangeUnderTheSameKey() {
        // The range is stated once (PasswordConfig.COST): config binding and the record agree on it.
        assertTrue(problems(prod("security.password.cost", "9")).containsKey(PasswordConfig.COST.key()));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> PasswordConfig.defaults().withCost(PasswordConfig.COST.min() - 1));
        assertTrue(e.getMessage().startsWith(PasswordConfig.COST.key() + " must be from 10 to 16"), e.getMessage());
        assertEquals(PasswordConfig.COST.max(), bind(prod("security.password.cost", "16")).password().cost());
    }

    @Test
    void readsEveryOtherSection() {
        SecurityConfig config = bind(prod(
                "security.password.cost", "10",
                "security.password.reject-common", "false",
                "security.refresh.ttl", "7d",
                "security.throttle.account-limit", "5",
                "security.auth.scheme", "Token",
                "security.cors.allowed-origins", "https://app.example.com",
                "security.cors.allow-credentials", "true",
                "security.headers.hsts", "false"));
        assertEquals(10, config.password().cost());
        assertFalse(config.password().rejectCommon());
        assertEquals(Duration.ofDays(7), config.refresh().ttl());
        assertEquals(5, config.throttle().accountLimit());
        assertEquals("Token", config.authScheme());
        assertEquals(List.of("https://app.example.com"), config.cors().allowedOrigins());
        assertTrue(config.cors().allowCredentials());
        assertFalse(config.headers().hsts());
    }

    private static KeyPair ec() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static Path write(Path dir, String name, String label, byte[] der) throws Exception {
        String pem = "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END "
                + label + "-----\n";
        return Files.writeString(dir.resolve(name), pem);
    }
}
