package ${package}.auth;

/**
 * The answer of login and refresh.
 *
 * @param accessToken the JWT to send as {@code Authorization: Bearer ...}
 * @param refreshToken the opaque token that {@code /api/auth/refresh} exchanges, once
 * @param tokenType always {@code Bearer}
 * @param expiresIn seconds until the access token expires
 */
public record TokenPair(String accessToken, String refreshToken, String tokenType, long expiresIn) {}
