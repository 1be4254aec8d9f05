/**
 * Password hashing with jBCrypt behind {@link dev.mainstay.security.password.PasswordHasher}, guarded
 * against jBCrypt's traps (72-byte truncation, {@code null}, malformed hashes), bounded so that a
 * login flood cannot take every core; the {@link dev.mainstay.security.password.PasswordPolicy} for
 * new passwords; and {@link dev.mainstay.security.password.PasswordAuthenticator}, which checks a
 * login in equal time whether or not the user exists.
 *
 * <p>Plain Java: needs neither mainstay-core nor Javalin.
 */
package dev.mainstay.security.password;
