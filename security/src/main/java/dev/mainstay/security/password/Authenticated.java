package dev.mainstay.security.password;

import java.util.Objects;
import java.util.Optional;

/**
 * A successful password login: the user, and a new hash to store when the old one was outdated.
 *
 * @param user the authenticated user, never null
 * @param upgradedHash a hash of the same password with the current parameters, present only when the
 *     stored hash needs replacing (e.g. after the cost was raised); store it in place of the old one
 * @param <U> the application's user type
 */
public record Authenticated<U>(U user, Optional<String> upgradedHash) {
    /**
     * Rejects nulls.
     *
     * @param user the authenticated user
     * @param upgradedHash the hash to store in place of the old one, or empty
     */
    public Authenticated {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(upgradedHash, "upgradedHash");
    }

    /** Returns {@code "Authenticated[user=...]"} without the hash, so it can be logged. */
    @Override
    public String toString() {
        return "Authenticated[user=" + user + ", rehashed=" + upgradedHash.isPresent() + "]";
    }
}
