package dev.mainstay.security.auth;

import java.util.Optional;
import java.util.Set;

/**
 * The app's side of {@link AuthFlows}: how to find its users and what to read from and write to them.
 * The library never sees the app's tables; the app never sees how tokens are hashed or throttled.
 *
 * <p>Implementations must be thread-safe. Login names arrive exactly as the app passed them to
 * {@link AuthFlows}, so normalize them (e.g. lower-case an e-mail) before calling a flow.
 *
 * @param <U> the app's user type
 */
public interface AccountStore<U> {
    /**
     * Finds a user by login name (e-mail, username...).
     *
     * @return the user, or empty if there is none; an unknown name costs the same time as a wrong password
     */
    Optional<U> findByLogin(String login);

    /**
     * Finds a user by the subject its tokens carry; used on refresh, to issue the new access token with
     * the user's current roles.
     *
     * @return the user, or empty if it was deleted since (the refresh then fails and its sessions end)
     */
    Optional<U> findBySubject(String subject);

    /** Returns the stable id tokens are issued to (the JWT {@code sub}); never a name the user can change. */
    String subject(U user);

    /** Returns the stored password hash, or null for a user who cannot log in with a password. */
    String passwordHash(U user);

    /** Returns the roles to put in the user's access tokens; none by default. */
    default Set<String> roles(U user) {
        return Set.of();
    }

    /**
     * Replaces the stored hash with {@code newHash}, made at the current cost after a successful login
     * with an outdated one.
     */
    void savePasswordHash(U user, String newHash);
}
