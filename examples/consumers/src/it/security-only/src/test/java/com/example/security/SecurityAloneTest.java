package com.example.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.security.Principal;
import dev.mainstay.security.password.PasswordHasher;
import dev.mainstay.security.token.AccessTokens;
import dev.mainstay.security.token.JwtAlgorithm;
import dev.mainstay.security.token.JwtConfig;
import dev.mainstay.security.token.JwtKey;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** mainstay-security on its own: hash and check a password, issue and check a token. */
class SecurityAloneTest {

    @Test
    void hashesAndVerifiesAPassword() {
        PasswordHasher hasher = PasswordHasher.bcrypt(10);
        String hash = hasher.hash("correct horse battery staple");

        assertTrue(hasher.verify("correct horse battery staple", hash));
        assertFalse(hasher.verify("Tr0ub4dor&3", hash));
    }

    @Test
    void issuesAndVerifiesAnAccessToken() {
        byte[] secret = new byte[32]; // in production: from config, e.g. `openssl rand -base64 32`
        new SecureRandom().nextBytes(secret);
        JwtKey key = JwtKey.hmac("2030-01", JwtAlgorithm.HS256, secret);
        AccessTokens tokens = AccessTokens.create(JwtConfig.of("https://api.example.com", "example-api", key));

        String jwt = tokens.issue("user-42", Set.of("admin")).value();

        assertEquals(Optional.of(new Principal("user-42", Set.of("admin"))), tokens.verify(jwt));
        assertEquals(Optional.empty(), tokens.verify(jwt + "x"));
    }

    /** The point of using one module: no HTTP server, no logging backend, no other Mainstay module. */
    @ParameterizedTest
    @ValueSource(strings = {
        "io.javalin.Javalin",
        "org.eclipse.jetty.server.Server",
        "ch.qos.logback.classic.Logger",
        "dev.mainstay.core.Mainstay",
        "dev.mainstay.persistence.Database"
    })
    void bringsNothingItDoesNotUse(String className) {
        assertThrows(ClassNotFoundException.class, () -> Class.forName(className));
    }
}
