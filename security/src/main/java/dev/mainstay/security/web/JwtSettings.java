package dev.mainstay.security.web;

import dev.mainstay.core.config.ConfigReader;
import dev.mainstay.core.config.Profile;
import dev.mainstay.core.config.Secret;
import dev.mainstay.security.token.JwtAlgorithm;
import dev.mainstay.security.token.JwtConfig;
import dev.mainstay.security.token.JwtKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code security.jwt.*} into a {@link JwtConfig}, applying the profile rules: prod needs an
 * issuer, an audience and a real key; dev and test may run on a random key generated at start-up.
 *
 * <p>Like every section reader it never throws: problems are recorded on the reader, and a throwaway
 * value is returned so binding can go on and report every problem at once.
 */
final class JwtSettings {
    private static final Logger LOG = LoggerFactory.getLogger(JwtSettings.class);
    private static final String PREFIX = "security.jwt.";

    private JwtSettings() {}

    static JwtConfig read(ConfigReader r) {
        boolean prod = r.profile() == Profile.PROD;
        String issuer = name(
                r, JwtConfig.ISSUER, prod, "set it to the URL or name of this service, e.g. https://api.example.com");
        String audience =
                name(r, JwtConfig.AUDIENCE, prod, "set it to the name clients use for this API, e.g. example-api");
        Duration ttl = Settings.duration(r, JwtConfig.ACCESS_TTL);
        Duration skew = Settings.duration(r, JwtConfig.CLOCK_SKEW);
        int cacheSize = Settings.integer(r, JwtConfig.CACHE_SIZE);
        Duration cacheTtl = Settings.duration(r, JwtConfig.CACHE_TTL);
        JwtAlgorithm algorithm = r.enumValue(PREFIX + "algorithm", JwtAlgorithm.class, JwtAlgorithm.HS256);
        String kid = r.string(PREFIX + "kid", "main");
        JwtKey current = key(r, PREFIX, kid, algorithm, prod, true);
        List<JwtKey> previous = new ArrayList<>();
        for (String oldKid : r.list(JwtConfig.PREVIOUS_KIDS, List.of())) {
            String prefix = PREFIX + "previous." + oldKid + ".";
            JwtAlgorithm oldAlgorithm = r.enumValue(prefix + "algorithm", JwtAlgorithm.class, algorithm);
            previous.add(key(r, prefix, oldKid, oldAlgorithm, true, false));
        }
        try {
            return new JwtConfig(issuer, audience, ttl, skew, current, previous, cacheSize, cacheTtl);
        } catch (IllegalArgumentException e) {
            r.problem(JwtConfig.PREVIOUS_KIDS, null, e.getMessage());
            return JwtConfig.of(issuer, audience, current);
        }
    }

    private static String name(ConfigReader r, String key, boolean required, String fix) {
        if (!required) {
            return r.string(key, "mainstay");
        }
        String value = r.requiredString(key, fix + " (required in prod)");
        return value.isBlank() ? "(missing)" : value; // the problem is recorded; keep building
    }

    /** Reads one key: a secret for HMAC, PEM files otherwise. */
    private static JwtKey key(
            ConfigReader r, String prefix, String kid, JwtAlgorithm algorithm, boolean required, boolean signs) {
        try {
            if (algorithm.isHmac()) {
                Optional<Secret> secret = r.secret(prefix + "secret");
                return secret.isPresent()
                        ? hmac(r, prefix + "secret", kid, algorithm, secret.get())
                        : missing(
                                r,
                                prefix + "secret",
                                kid,
                                algorithm,
                                required,
                                "set a random secret: " + JwtKey.generateCommand(algorithm));
            }
            Optional<String> publicFile = r.optionalString(prefix + "public-key-file");
            Optional<String> privateFile = signs ? r.optionalString(prefix + "private-key-file") : Optional.empty();
            if (publicFile.isEmpty() || (signs && privateFile.isEmpty())) {
                String missingKey = publicFile.isEmpty() ? prefix + "public-key-file" : prefix + "private-key-file";
                return missing(
                        r,
                        missingKey,
                        kid,
                        algorithm,
                        required,
                        "give the path of a PEM file ("
                                + (signs ? "PKCS#8 private key and X.509 public key" : "X.509 public key") + ")");
            }
            String privatePem =
                    privateFile.isPresent() ? read(r, prefix + "private-key-file", privateFile.get()) : null;
            String publicPem = read(r, prefix + "public-key-file", publicFile.get());
            if (publicPem == null || (signs && privatePem == null)) {
                return JwtKey.generate(kid, algorithm);
            }
            return JwtKey.fromPem(kid, algorithm, privatePem, publicPem);
        } catch (IllegalArgumentException e) {
            r.problem(prefix + (algorithm.isHmac() ? "secret" : "public-key-file"), null, e.getMessage());
            return JwtKey.generate(kid.isBlank() ? "main" : kid, algorithm);
        }
    }

    private static JwtKey hmac(ConfigReader r, String key, String kid, JwtAlgorithm algorithm, Secret secret) {
        try {
            return JwtKey.hmac(kid, algorithm, secret.reveal());
        } catch (IllegalArgumentException weak) {
            // The message says why (short, example, passphrase) and never contains the secret.
            r.secretProblem(key, weak.getMessage());
            return JwtKey.generate(kid, algorithm);
        }
    }

    private static JwtKey missing(
            ConfigReader r, String key, String kid, JwtAlgorithm algorithm, boolean required, String fix) {
        if (required) {
            r.problem(key, null, fix + (r.profile() == Profile.PROD ? " (prod never generates one)" : ""));
        } else {
            LOG.warn(
                    "{} is not set: signing tokens with a random {} key generated at start-up. Tokens die with"
                            + " this process and no other instance accepts them. Before production, where it is required: {}.",
                    key,
                    algorithm.id(),
                    fix);
        }
        return JwtKey.generate(kid, algorithm);
    }

    private static String read(ConfigReader r, String key, String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException | RuntimeException e) {
            r.problem(
                    key,
                    file,
                    "cannot read this file (" + e.getClass().getSimpleName() + "); give a readable PEM file");
            return null;
        }
    }
}
