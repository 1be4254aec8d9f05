package dev.mainstay.security.auth;

import java.util.Objects;

/**
 * A successful login or refresh: who it is, and the tokens to hand to them.
 *
 * @param user the app's user, as its {@link AccountStore} returned it (after any hash upgrade was saved)
 * @param tokens the new access token and, with refresh tokens, the new refresh token
 * @param <U> the app's user type
 */
public record Session<U>(U user, TokenPair tokens) {
    /**
     * Rejects nulls.
     *
     * @param user the app's user
     * @param tokens the tokens to hand to the user
     */
    public Session {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(tokens, "tokens");
    }
}
