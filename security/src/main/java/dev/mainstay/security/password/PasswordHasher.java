package dev.mainstay.security.password;

/**
 * Hashes passwords for storage and checks a password against a stored hash.
 *
 * <p>bcrypt is the implementation ({@link #bcrypt(int)}); the interface exists so that another (such
 * as Argon2id) can be added and tested against the same contract. Implementations are thread-safe and
 * bound how many hashes run at once (see {@link PasswordConfig}).
 *
 * <p>Every method that takes a password guards it first, on hashing and on login alike: {@code null}
 * and passwords longer than 72 UTF-8 bytes throw {@link PasswordRejectedException}, because bcrypt
 * would otherwise hash "null" or silently ignore the excess. Length minimums and the common-password
 * list are the {@link PasswordPolicy}'s job, checked only when a password is set.
 */
public interface PasswordHasher {

    /**
     * Returns a new salted hash of {@code password}, in the implementation's self-describing format.
     *
     * @param password the password, at most 72 UTF-8 bytes
     * @return the hash to store
     * @throws PasswordRejectedException if the password is null or too long
     * @throws HashingBusyException if the hasher is at capacity
     */
    String hash(String password);

    /**
     * Tells whether {@code password} matches {@code storedHash}.
     *
     * <p>A null stored hash (a user without a password) is a mismatch. A stored hash in a format this
     * hasher cannot read is a mismatch too, logged as a warning that does not show the hash; neither
     * throws.
     *
     * @param password the password given, at most 72 UTF-8 bytes
     * @param storedHash the hash stored for the user, may be null
     * @return true only if the password matches
     * @throws PasswordRejectedException if the password is null or too long
     * @throws HashingBusyException if the hasher is at capacity
     */
    boolean verify(String password, String storedHash);

    /**
     * Tells whether {@code storedHash} should be replaced by a new hash at the next successful login,
     * because it was made with other parameters (such as an older cost) or cannot be read.
     *
     * @param storedHash the stored hash, may be null
     * @return true if a fresh {@link #hash} should replace it
     */
    boolean needsRehash(String storedHash);

    /**
     * Returns a bcrypt hasher with the given cost and the default concurrency bound.
     *
     * @param cost the bcrypt cost, in the range of {@link PasswordConfig#COST} (10..16)
     * @return a thread-safe hasher
     * @throws IllegalArgumentException if the cost is out of range
     */
    static PasswordHasher bcrypt(int cost) {
        return bcrypt(PasswordConfig.defaults().withCost(cost));
    }

    /**
     * Returns a bcrypt hasher with the cost and concurrency bound of {@code config}.
     *
     * @param config the settings, not null
     * @return a thread-safe hasher
     */
    static PasswordHasher bcrypt(PasswordConfig config) {
        HashingGate gate = new HashingGate(config.maxConcurrent(), config.maxQueued(), config.maxWait());
        return new BcryptHasher(config.cost(), gate);
    }
}
