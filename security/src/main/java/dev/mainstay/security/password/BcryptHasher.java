package dev.mainstay.security.password;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import org.mindrot.jbcrypt.BCrypt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The bcrypt {@link PasswordHasher}, on jBCrypt 0.4 with its known traps guarded. */
final class BcryptHasher implements PasswordHasher {
    private static final Logger LOG = LoggerFactory.getLogger(BcryptHasher.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int cost;
    private final HashingGate gate;

    BcryptHasher(int cost, HashingGate gate) {
        this.cost = cost;
        this.gate = gate;
    }

    /** The gate every hash and check goes through; for this package's tests. */
    HashingGate gate() {
        return gate;
    }

    @Override
    public String hash(String password) {
        String normalized = Passwords.requireHashable(password);
        return gate.run(() -> BCrypt.hashpw(normalized, BCrypt.gensalt(cost, RANDOM)));
    }

    @Override
    public boolean verify(String password, String storedHash) {
        String typed = Passwords.requireHashable(password);
        if (storedHash == null) {
            return false; // a user without a password (e.g. one who signs in elsewhere): not an error
        }
        String normalized = BcryptHashes.normalize(storedHash);
        if (normalized == null) {
            return malformed(storedHash);
        }
        try {
            return gate.run(() -> matches(typed, normalized));
        } catch (IllegalArgumentException e) {
            return malformed(storedHash); // jBCrypt rejected a hash that passed our shape check
        }
    }

    @Override
    public boolean needsRehash(String storedHash) {
        String normalized = BcryptHashes.normalize(storedHash);
        return normalized == null || BcryptHashes.cost(normalized) != cost;
    }

    @Override
    public String toString() {
        return "bcrypt(cost=" + cost + ")";
    }

    private static boolean matches(String password, String normalized) {
        // jBCrypt 0.4's checkpw compares with String.compareTo, which returns early; compare in
        // constant time instead so response timing says nothing about how much of the hash matched.
        byte[] computed = BCrypt.hashpw(password, normalized).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(computed, normalized.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean malformed(String storedHash) {
        // Say what is wrong with the hash without printing it: it is as sensitive as a password.
        LOG.warn(
                "Stored password hash is not a usable bcrypt hash ({}); treating it as a mismatch",
                describe(storedHash));
        return false;
    }

    private static String describe(String storedHash) {
        String prefix = storedHash.length() >= 4 ? storedHash.substring(0, 4).replaceAll("[^$0-9a-z]", "?") : "";
        return "length " + storedHash.length() + ", prefix '" + prefix + "'";
    }
}
