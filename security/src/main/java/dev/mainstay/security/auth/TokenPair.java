package dev.mainstay.security.auth;

/**
 * The tokens a login or a refresh hands to the client, shaped like an OAuth 2.0 token response
 * (RFC 6749 5.1), so that it can be serialized as the answer as it is.
 *
 * <p>{@link #toString()} hides both tokens.
 *
 * @param accessToken the JWT to send as {@code Authorization: <tokenType> <accessToken>}
 * @param refreshToken the opaque token that refresh exchanges, once; null when the app was set up
 *     without refresh tokens
 * @param tokenType the scheme word of {@code Authorization}, {@code Bearer} unless configured otherwise
 * @param expiresIn seconds until the access token expires
 */
public record TokenPair(String accessToken, String refreshToken, String tokenType, long expiresIn) {
    /** Shows the type and lifetime only; never a token. */
    @Override
    public String toString() {
        return "TokenPair[accessToken=****, refreshToken=" + (refreshToken == null ? "none" : "****") + ", tokenType="
                + tokenType + ", expiresIn=" + expiresIn + "]";
    }
}
