package dev.mainstay.security.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the jBCrypt and pyca/bcrypt test vectors (src/test/resources/vectors/bcrypt, see SOURCE.md)
 * through {@link PasswordHasher#verify}: every vector's password must match its hash, and a changed
 * password must not. This covers {@code $2a$} and {@code $2b$} (normalised to {@code $2a$}).
 *
 * <p>Five pyca vectors are special: their passwords are byte strings that are not valid UTF-8 (0xA3,
 * 0xFF 0xFF 0xA3 and two random 64-byte strings), among them both {@code $2y$} vectors. Our API takes a
 * Java {@code String}, which jBCrypt encodes as UTF-8, so no caller can ever present those bytes: the
 * vectors test 8-bit handling we cannot reach. For them we check what we can: that the stored hash is
 * read as a well-formed bcrypt hash (so a {@code $2y$} hash from PHP is not rejected as malformed) and
 * that no String password matches it by accident.
 */
class BcryptVectorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PasswordHasher HASHER = PasswordHasher.bcrypt(10);

    record Vector(String source, String password, byte[] passwordBytes, String hash) {}

    @TestFactory
    Stream<DynamicTest> everyUtf8VectorMatchesItsHashAndNoOther() throws IOException {
        return vectors().stream()
                .filter(v -> v.password() != null)
                .map(v -> DynamicTest.dynamicTest(v.source() + " " + v.hash(), () -> {
                    assertTrue(HASHER.verify(v.password(), v.hash()), "password must match");
                    assertFalse(HASHER.verify(v.password() + "!", v.hash()), "changed password must not match");
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyNonUtf8VectorIsAWellFormedHash() throws IOException {
        return vectors().stream()
                .filter(v -> v.password() == null)
                .map(v -> DynamicTest.dynamicTest(v.source() + " " + v.hash(), () -> {
                    assertNotNull(BcryptHashes.normalize(v.hash()), "hash must be read as bcrypt");
                    assertFalse(HASHER.verify("any string password", v.hash()));
                }));
    }

    @Test
    void readsEveryVectorInBothFiles() throws IOException {
        List<Vector> all = vectors();
        assertEquals(20 + 28, all.size());
        assertEquals(5, all.stream().filter(v -> v.password() == null).count());
    }

    private static List<Vector> vectors() throws IOException {
        List<Vector> vectors = new ArrayList<>();
        for (JsonNode node : read("jbcrypt-testbcrypt-vectors.json").get("vectors")) {
            String password = node.get("password").asText();
            vectors.add(new Vector(
                    "jbcrypt",
                    password,
                    password.getBytes(StandardCharsets.UTF_8),
                    node.get("hash").asText()));
        }
        JsonNode pyca = read("pyca-bcrypt-vectors.json");
        for (String group : new String[] {"_test_vectors", "_2y_test_vectors"}) {
            for (JsonNode node : pyca.get(group)) {
                byte[] bytes = HexFormat.of().parseHex(node.get("password_hex").asText());
                vectors.add(new Vector(
                        "pyca" + group,
                        utf8OrNull(bytes),
                        bytes,
                        node.get("hash").asText()));
            }
        }
        return vectors;
    }

    private static String utf8OrNull(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return null;
        }
    }

    private static JsonNode read(String name) throws IOException {
        try (InputStream in = BcryptVectorsTest.class.getResourceAsStream("/vectors/bcrypt/" + name)) {
            return JSON.readTree(in);
        }
    }
}
