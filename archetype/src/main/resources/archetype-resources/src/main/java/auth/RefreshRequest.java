package ${package}.auth;

/**
 * The body of refresh and logout.
 *
 * @param refreshToken the refresh token from login or the last refresh
 */
public record RefreshRequest(String refreshToken) {
    /** Leaves the token out, so that the body can be logged. */
    @Override
    public String toString() {
        return "RefreshRequest[refreshToken=****]";
    }
}
