package dev.mainstay.security.token;

import java.time.Instant;
import java.util.Optional;

/**
 * The app's answer to "since when are this subject's access tokens valid?": the hook that makes a
 * password or e-mail change, or a disabled account, end every access token issued before it.
 *
 * <p>Access tokens are otherwise valid until they expire. Give an implementation to {@code
 * MainstaySecurity.install} (or {@link AccessTokens#create(JwtConfig, java.time.Clock,
 * TokenRevocations)}), store a per-user instant (e.g. a {@code tokens_valid_after} column), set it to
 * now when the password changes, and issue the user a new token right after:
 *
 * <pre>{@code
 * TokenRevocations revocations = subject -> users.tokensValidAfter(subject); // Optional<Instant>
 * MainstaySecurity security = MainstaySecurity.installWithoutRefreshTokens(app, config, "/user/password", revocations);
 * }</pre>
 *
 * <p>A token is refused if its {@code iat} is before the returned instant, counted in whole seconds as
 * {@code iat} is: a token issued in the same second as the change stays valid, so that the token
 * issued right after the change is. It is consulted on every verification, for tokens the
 * verified-token cache remembers too, so a change takes effect on the next request; keep it fast (a
 * primary-key lookup, or an in-memory copy that every instance can keep current). Must be
 * thread-safe. An exception it throws propagates (the request fails with 500) rather than letting the
 * token through.
 */
@FunctionalInterface
public interface TokenRevocations {
    /** No subject's tokens are ever revoked before they expire: the default. */
    TokenRevocations NONE = subject -> Optional.empty();

    /**
     * Returns the instant before which the subject's access tokens are refused.
     *
     * @param subject the token's {@code sub}, not null
     * @return the instant, {@link Instant#MAX} to refuse every token of the subject (a deleted or
     *     disabled account), or empty if none is revoked
     */
    Optional<Instant> tokensValidAfter(String subject);
}
