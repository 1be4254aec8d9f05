package dev.mainstay.security.password;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Checks a login name and password against stored users, in equal time whether or not the user
 * exists, and upgrades outdated hashes on the way.
 *
 * <p>A wrong name or a wrong password is a normal outcome ({@code Optional.empty()}), and the two are
 * indistinguishable: for an unknown user the password is still verified, against a dummy hash, so the
 * response time does not reveal which accounts exist. The dummy has the cost of the stored hash checked
 * last: after a change of {@code security.password.cost}, most stored hashes keep the old cost until
 * their owners log in, and a dummy at the new cost would make unknown users answer at a different speed.
 * Before any stored hash is seen, the first unknown login makes the dummy at the hasher's cost, spending
 * exactly that time, rather than the constructor: one hash at cost 12 takes about 250 ms, which start-up
 * need not wait for.
 * Thread-safe if the two lookup functions are.
 *
 * @param <U> the application's user type
 */
public final class PasswordAuthenticator<U> {
    private final PasswordHasher hasher;
    private final Function<String, Optional<U>> findUser;
    private final Function<U, String> storedHash;
    private static final String BCRYPT_ALPHABET =
            "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private volatile String dummyHash;

    /**
     * Creates an authenticator. It is cheap; create one per user store and share it.
     *
     * @param hasher the hasher that made the stored hashes, not null
     * @param findUser finds a user by login name (e.g. e-mail); returns empty if there is none
     * @param storedHash returns the stored password hash of a user (may return null for users without one)
     */
    public PasswordAuthenticator(
            PasswordHasher hasher, Function<String, Optional<U>> findUser, Function<U, String> storedHash) {
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.findUser = Objects.requireNonNull(findUser, "findUser");
        this.storedHash = Objects.requireNonNull(storedHash, "storedHash");
    }

    /**
     * Authenticates {@code login} with {@code password}.
     *
     * @param login the login name; null or unknown gives empty, after the same work as a wrong password
     * @param password the password given
     * @return the user and, if its hash was outdated, a new hash to store; empty if the credentials do
     *     not match
     * @throws PasswordRejectedException if the password is null or longer than 72 UTF-8 bytes, before
     *     any lookup (so this, too, says nothing about the account)
     * @throws HashingBusyException if the hasher is at capacity
     */
    public Optional<Authenticated<U>> authenticate(String login, String password) {
        Passwords.requireHashable(password);
        Optional<U> user = login == null ? Optional.empty() : findUser.apply(login);
        String hash = user.map(storedHash).orElse(null);
        if (hash == null) {
            // Unknown user, or one without a password: spend the same time as a wrong password.
            spendOneVerification(password);
            return Optional.empty();
        }
        followCostOf(hash);
        if (!hasher.verify(password, hash)) {
            return Optional.empty();
        }
        Optional<String> upgraded = hasher.needsRehash(hash) ? Optional.of(hasher.hash(password)) : Optional.empty();
        return Optional.of(new Authenticated<>(user.get(), upgraded));
    }

    /**
     * Keeps the dummy at the cost of the stored hashes. A bcrypt hash that matches nothing, at a given
     * cost, is that cost's prefix plus random salt and digest: verifying against it costs exactly what
     * verifying a real hash of that cost does, and making it costs nothing.
     */
    private void followCostOf(String storedHash) {
        String stored = BcryptHashes.normalize(storedHash);
        String dummy = dummyHash;
        if (stored != null && (dummy == null || BcryptHashes.cost(dummy) != BcryptHashes.cost(stored))) {
            StringBuilder fake = new StringBuilder(stored.substring(0, 7));
            for (int i = 0; i < 53; i++) {
                fake.append(BCRYPT_ALPHABET.charAt(RANDOM.nextInt(BCRYPT_ALPHABET.length())));
            }
            dummyHash = fake.toString();
        }
    }

    private void spendOneVerification(String password) {
        String dummy = dummyHash;
        if (dummy == null) {
            // Making the dummy costs what verifying against it would. Two first callers may both make
            // one; either serves, so no lock is needed.
            dummyHash = hasher.hash(UUID.randomUUID().toString());
        } else {
            hasher.verify(password, dummy);
        }
    }
}
