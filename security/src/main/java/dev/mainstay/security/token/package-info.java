/**
 * Access tokens (signed JWTs, RFC 8725 rules: pinned algorithms, required {@code exp}/{@code iss}/
 * {@code aud}, a fixed key table for rotation) and opaque refresh tokens (stored hashed, rotated on
 * use, reuse revokes the family), with {@link dev.mainstay.security.token.RefreshTokenStore} as the
 * extension point for shared storage and {@link dev.mainstay.security.PeriodicCleanup} to
 * keep it small.
 *
 * <p>Plain Java: needs jjwt, not mainstay-core or Javalin.
 */
package dev.mainstay.security.token;
