package dev.mainstay.security;

/**
 * The root of mainstay-security's exceptions: every failure this module throws on purpose extends it.
 *
 * <p>Normal negative outcomes are not exceptions: a wrong password is {@code false}, an invalid token
 * is {@code Optional.empty()}. Exceptions mean "this request cannot be served as asked" (a rejected
 * password, a busy hasher, a throttled login); the web package turns each into its problem+json
 * answer. Messages never contain a password, token or key.
 */
public abstract class MainstaySecurityException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message that is safe to show and to log.
     *
     * @param message what went wrong, without any secret
     */
    protected MainstaySecurityException(String message) {
        super(message);
    }
}
