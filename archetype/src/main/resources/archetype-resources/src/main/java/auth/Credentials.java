package ${package}.auth;

/**
 * The body of register and login: an e-mail address and a password.
 *
 * @param email the address as typed
 * @param password the password as typed; never logged
 */
public record Credentials(String email, String password) {
    /** Leaves the password out, so that the body can be logged. */
    @Override
    public String toString() {
        return "Credentials[email=" + email + "]";
    }
}
