package dev.mainstay.security.auth;

import dev.mainstay.security.MainstaySecurityException;

/**
 * Thrown by {@link AuthFlows#register} when the app's create callback reports that the account
 * already exists; the web layer answers 409. The password was hashed anyway, so a taken login and a
 * new one take the same time.
 */
public final class DuplicateAccountException extends MainstaySecurityException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message fit to show to the user. */
    public DuplicateAccountException() {
        super("An account with this login already exists.");
    }
}
