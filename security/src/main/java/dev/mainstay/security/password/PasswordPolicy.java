package dev.mainstay.security.password;

import dev.mainstay.security.password.PasswordRejectedException.Reason;
import java.util.Optional;

/**
 * The rules a new password must follow when it is set (registration, change, reset): a minimum
 * length, bcrypt's 72-byte maximum, and optionally not being a common password.
 *
 * <p>There are no composition rules (no "one digit, one symbol"): they make passwords harder to
 * remember, not to guess (ASVS 5.0 6.2.5). Length counts Unicode code points, so "passé" is 5 long.
 * Check the policy on set only; at login, old passwords must keep working. Immutable, thread-safe.
 *
 * @param minLength the fewest code points allowed, in the range of {@link PasswordConfig#MIN_LENGTH}
 * @param rejectCommon whether passwords on the bundled common-password list are refused
 */
public record PasswordPolicy(int minLength, boolean rejectCommon) {
    /**
     * Refuses a minimum outside the range of {@link PasswordConfig#MIN_LENGTH}.
     *
     * @param minLength the fewest code points allowed
     * @param rejectCommon whether common passwords are refused
     * @throws IllegalArgumentException if {@code minLength} is out of range
     */
    public PasswordPolicy {
        PasswordConfig.MIN_LENGTH.check(minLength);
    }

    /**
     * Returns the first rule {@code password} breaks, or empty if it may be used.
     *
     * @param password the proposed password, may be null
     * @return the broken rule, as {@link PasswordRejectedException}, not thrown
     */
    public Optional<PasswordRejectedException> violation(String password) {
        String normalized;
        try {
            normalized = Passwords.requireHashable(password);
        } catch (PasswordRejectedException rejected) {
            return Optional.of(rejected);
        }
        if (normalized.codePointCount(0, normalized.length()) < minLength) {
            return Optional.of(
                    new PasswordRejectedException(Reason.TOO_SHORT, "must be at least " + minLength + " characters"));
        }
        if (rejectCommon && CommonPasswords.contains(normalized)) {
            return Optional.of(
                    new PasswordRejectedException(Reason.TOO_COMMON, "is too common; choose a less guessable one"));
        }
        return Optional.empty();
    }

    /**
     * Throws unless {@code password} follows every rule.
     *
     * @param password the proposed password, may be null
     * @throws PasswordRejectedException naming the first rule it breaks
     */
    public void check(String password) {
        Optional<PasswordRejectedException> violation = violation(password);
        if (violation.isPresent()) {
            throw violation.get();
        }
    }
}
