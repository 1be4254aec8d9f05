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
     * @param login the name as the app passed it to the flow, already normalized by the app
     * @return the user, or empty if there is none; an unknown name costs the same time as a wrong password
     */
    Optional<U> findByLogin(String login);

    /**
     * Finds a user by the subject its tokens carry; used on refresh, to issue the new access token with
     * the user's current roles.
     *
     * @param subject the {@code sub} of the refresh token's family, as {@link #subject} once returned it
     * @return the user, or empty if it was deleted since (the refresh then fails and its sessions end)
     */
    Optional<U> findBySubject(String subject);

    /**
     * Returns the stable id tokens are issued to (the JWT {@code sub}); never a name the user can change.
     *
     * @param user a user this store returned
     * @return the subject, not blank
     */
    String subject(U user);

    /**
     * Returns the stored password hash, or null for a user who cannot log in with a password.
     *
     * @param user a user this store returned
     * @return the bcrypt hash as stored, or {@code null}
     */
    String passwordHash(U user);

    /**
     * Returns the roles to put in the user's access tokens; none by default.
     *
     * @param user a user this store returned
     * @return the role names, e.g. {@code admin}; read at every login and refresh
     */
    default Set<String> roles(U user) {
        return Set.of();
    }

    /**
     * Replaces the stored hash with {@code newHash}, made at the current cost after a successful login
     * with an outdated one.
     *
     * @param user the user who just logged in
     * @param newHash the hash of the same password with the current parameters
     */
    void savePasswordHash(U user, String newHash);
}
