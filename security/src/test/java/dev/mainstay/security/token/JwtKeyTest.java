package dev.mainstay.security.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class JwtKeyTest {
    private static byte[] random(int bytes) {
        byte[] secret = new byte[bytes];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    private static String refusal(Runnable making) {
        return assertThrows(IllegalArgumentException.class, making::run).getMessage();
    }

    @Test
    void acceptsA256BitRandomSecretInStandardOrUrlSafeBase64() {
        byte[] secret = random(32);
        assertTrue(JwtKey.hmac("k", JwtAlgorithm.HS256, Base64.getEncoder().encodeToString(secret))
                .canSign());
        assertTrue(JwtKey.hmac("k", JwtAlgorithm.HS256, Base64.getUrlEncoder().encodeToString(secret))
                .canSign());
    }

    @Test
    void refusesPassphrasesThatHappenToDecodeAsBase64NamingTheCommandThatMakesAKey() {
        List<String> passphrases = List.of(
                "my-super-secret-jwt-signing-key-for-production-use",
                "my-super-secret-jwt-signing-key-for-prod-use",
                "MY-SUPER-SECRET-JWT-SIGNING-KEY-FOR-PROD-USE",
                "thisismyverysecretjwtsigningkeyforproduction",
                "MySuperSecretJwtSigningKeyForProductionUse1=",
                "SuperSecretSuperSecretSuperSecretSuperSecret");
        for (String passphrase : passphrases) {
            String message = refusal(() -> JwtKey.hmac("k", JwtAlgorithm.HS256, passphrase));
            assertFalse(message.contains(passphrase), message);
            assertTrue(message.contains("openssl rand -base64 32"), passphrase + ": " + message);
        }
    }

    @Test
    void refusesBase64ThatIsNotCanonicalOrUnpadded() {
        byte[] secret = random(32);
        String unpadded = Base64.getEncoder().withoutPadding().encodeToString(secret);
        assertTrue(refusal(() -> JwtKey.hmac("k", JwtAlgorithm.HS256, unpadded)).contains("canonical"));
        String padded = Base64.getEncoder().encodeToString(secret);
        char last = padded.charAt(42);
        // Flipping the lowest bit of the last character leaves the decoded bytes unchanged (the JDK
        // ignores the two spare bits) but makes the text one that no encoder writes.
        char flipped = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
                .charAt("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".indexOf(last) ^ 1);
        String loose = padded.substring(0, 42) + flipped + "=";
        assertTrue(refusal(() -> JwtKey.hmac("k", JwtAlgorithm.HS256, loose)).contains("canonical"));
    }

    @Test
    void refusesASecretShorterThanTheAlgorithmNeeds() {
        String message = refusal(() -> JwtKey.hmac("k", JwtAlgorithm.HS256, random(31)));
        assertEquals("JWT key 'k' cannot be used for HS256: it needs at least 256 bits, this one has 248", message);
        assertTrue(
                refusal(() -> JwtKey.hmac("k", JwtAlgorithm.HS512, random(32))).contains("at least 512 bits"));
    }

    @Test
    void refusesPublishedExampleSecretsAsTextOrAsBytes() {
        String realWorld = "nRvyYC4soFxBdZ-F-5Nnzz5USXstR1YylsTd-mA0aKtI9HUlriGrtkf-TiuDapkLiUCogO3JOK7kwZisrHp6wA";
        assertTrue(
                refusal(() -> JwtKey.hmac("k", JwtAlgorithm.HS256, realWorld)).contains("published example"));
        String jwtIo = Base64.getEncoder()
                .encodeToString("a-string-secret-at-least-256-bits-long".getBytes(StandardCharsets.UTF_8));
        assertTrue(refusal(() -> JwtKey.hmac("k", JwtAlgorithm.HS256, jwtIo)).contains("published example"));
        assertTrue(
                refusal(() -> JwtKey.hmac("k", JwtAlgorithm.HS256, "changeme")).contains("published example"));
    }

    @Test
    void refusesAPassphraseEvenWhenLongEnough() {
        byte[] passphrase = "correct horse battery staple and more words".getBytes(StandardCharsets.UTF_8);
        assertTrue(
                refusal(() -> JwtKey.hmac("k", JwtAlgorithm.HS256, passphrase)).contains("readable text"));
    }

    @Test
    void refusesPatternedBytes() {
        assertTrue(refusal(() -> JwtKey.hmac("k", JwtAlgorithm.HS256, new byte[32]))
                .contains("repeats"));
    }

    @Test
    void refusesTextThatIsNotBase64WithoutShowingIt() {
        String message = refusal(() -> JwtKey.hmac("k", JwtAlgorithm.HS256, "not base64 at all! %%%"));
        assertEquals(
                "JWT key 'k' is not a safe secret: it is not canonical, padded base64 as a key generator writes it;"
                        + " generate one with: openssl rand -base64 32",
                message);
    }

    @Test
    void neverShowsTheSecretInMessagesOrToString() {
        String secret = Base64.getEncoder().encodeToString(random(16));
        String message = refusal(() -> JwtKey.hmac("k", JwtAlgorithm.HS256, secret));
        assertFalse(message.contains(secret));
        JwtKey key = JwtKey.generate("k", JwtAlgorithm.HS256);
        assertEquals("JwtKey[kid=k, algorithm=HS256, canSign=true]", key.toString());
    }

    @Test
    void refusesAKidOutsideTheSafeAlphabet() {
        assertTrue(refusal(() -> JwtKey.generate("a b", JwtAlgorithm.HS256)).contains("key id"));
        assertTrue(refusal(() -> JwtKey.generate("", JwtAlgorithm.HS256)).contains("key id"));
    }

    @Test
    void readsPkcs8AndX509PemAndChecksTheyBelongTogether() throws Exception {
        KeyPair one = TestKeys.ec("secp256r1");
        KeyPair two = TestKeys.ec("secp256r1");
        assertTrue(JwtKey.fromPem("ec", JwtAlgorithm.ES256, TestKeys.privatePem(one), TestKeys.publicPem(one))
                .canSign());
        assertFalse(JwtKey.fromPem("ec", JwtAlgorithm.ES256, null, TestKeys.publicPem(one))
                .canSign());
        assertTrue(refusal(() ->
                        JwtKey.fromPem("ec", JwtAlgorithm.ES256, TestKeys.privatePem(one), TestKeys.publicPem(two)))
                .contains("do not belong together"));
    }

    @Test
    void explainsHowToConvertAPkcs1PrivateKey() throws Exception {
        KeyPair pair = TestKeys.rsa(2048);
        String pkcs1Label = TestKeys.pem("RSA PRIVATE KEY", pair.getPrivate());
        String message = refusal(() -> JwtKey.fromPem("rsa", JwtAlgorithm.RS256, pkcs1Label, TestKeys.publicPem(pair)));
        assertTrue(message.contains("openssl pkcs8 -topk8"), message);
        assertTrue(refusal(() -> JwtKey.fromPem("rsa", JwtAlgorithm.RS256, null, "no pem here"))
                .contains("is not PEM"));
    }

    @Test
    void refusesKeysThatDoNotFitTheAlgorithm() throws Exception {
        KeyPair smallRsa = TestKeys.rsa(1024);
        assertTrue(refusal(() -> JwtKey.fromPem("r", JwtAlgorithm.RS256, null, TestKeys.publicPem(smallRsa)))
                .contains("at least 2048 bits"));
        KeyPair p384 = TestKeys.ec("secp384r1");
        assertTrue(refusal(() -> JwtKey.fromPem("e", JwtAlgorithm.ES256, null, TestKeys.publicPem(p384)))
                .contains("256-bit curve"));
        KeyPair ec = TestKeys.ec("secp256r1");
        assertTrue(refusal(() -> JwtKey.fromPem("e", JwtAlgorithm.RS256, null, TestKeys.publicPem(ec)))
                .contains("RSA public key"));
        assertTrue(refusal(() -> JwtKey.fromPem("h", JwtAlgorithm.HS256, null, TestKeys.publicPem(ec)))
                .contains("takes a secret"));
    }

    @Test
    void refusesAJwkMeantForEncryption() {
        String jwk = "{\"kty\":\"oct\",\"kid\":\"x\",\"alg\":\"HS256\",\"use\":\"enc\",\"k\":\""
                + Base64.getUrlEncoder().withoutPadding().encodeToString(random(32)) + "\"}";
        assertTrue(refusal(() -> JwtKey.fromJwk(jwk)).contains("use 'enc'"));
    }

    @Test
    void makesAVerifyOnlyCopy() {
        JwtKey key = JwtKey.generate("k", JwtAlgorithm.ES256);
        assertFalse(key.verifyOnly().canSign());
        assertEquals(key.verificationKey(), key.verifyOnly().verificationKey());
    }
}
