package dev.mainstay.security.web;

import dev.mainstay.core.MainstaySetup;
import dev.mainstay.core.problem.FieldError;
import dev.mainstay.core.problem.Problem;
import dev.mainstay.security.auth.DuplicateAccountException;
import dev.mainstay.security.password.HashingBusyException;
import dev.mainstay.security.password.PasswordRejectedException;
import dev.mainstay.security.throttle.LoginThrottledException;
import java.time.Duration;
import java.util.List;

/**
 * The problem+json answers of the plain-Java security exceptions, and their registration with a
 * Mainstay app.
 *
 * <p>The exceptions live in packages that must not depend on mainstay-core, so they cannot carry their
 * problem themselves; this class maps them: a rejected password is 422 naming the field, a taken
 * account 409, a throttled login or registration 429 and a saturated hasher 503, both with {@code Retry-After}.
 * {@link MainstaySecurity#install} registers them; register them yourself only when you use the
 * plugin without it.
 */
public final class SecurityProblems {
    private SecurityProblems() {}

    /**
     * Maps the security exceptions in {@code setup}, naming the password field {@code passwordPointer}.
     *
     * @param setup the app being set up
     * @param passwordPointer the JSON pointer of the password in request bodies, e.g. {@code /password}
     *     or RealWorld's {@code /user/password}
     */
    public static void register(MainstaySetup setup, String passwordPointer) {
        setup.exception(PasswordRejectedException.class, e -> rejected(e, passwordPointer));
        setup.exception(LoginThrottledException.class, SecurityProblems::throttled);
        setup.exception(HashingBusyException.class, SecurityProblems::busy);
        setup.exception(DuplicateAccountException.class, SecurityProblems::duplicate);
    }

    /**
     * Returns 409: the login is taken. The detail says so; registration cannot hide it anyway.
     *
     * @param e the exception of {@code AuthFlows.register}
     * @return the problem
     */
    public static Problem duplicate(DuplicateAccountException e) {
        return Problem.of(409, "Conflict").withDetail(e.getMessage());
    }

    /**
     * Returns 422 naming the password field ({@code pointer}) and the rule it broke.
     *
     * @param e the rejection, whose message names the rule
     * @param pointer the JSON pointer of the password in the request body
     * @return the problem
     */
    public static Problem rejected(PasswordRejectedException e, String pointer) {
        return Problem.validation(List.of(new FieldError(pointer, e.getMessage())));
    }

    /**
     * Returns 429 with {@code Retry-After}, for a throttled login or registration; the detail does not
     * say which limit (account or client address) was hit.
     *
     * @param e the exception, which says when to retry
     * @return the problem
     */
    public static Problem throttled(LoginThrottledException e) {
        return Problem.of(429, "Too Many Requests")
                .withDetail("Too many attempts. Try again later.")
                .withHeader("Retry-After", seconds(e.retryAfter()));
    }

    /**
     * Returns 503 with {@code Retry-After}: the server is checking as many passwords as it can.
     *
     * @param e the exception, which says when to retry
     * @return the problem
     */
    public static Problem busy(HashingBusyException e) {
        return Problem.of(503, "Service Unavailable")
                .withDetail("Too many passwords are being checked right now. Try again shortly.")
                .withHeader("Retry-After", seconds(e.retryAfter()));
    }

    /** Rounds up to whole seconds, at least 1: Retry-After has no fractions and 0 invites a tight loop. */
    static String seconds(Duration duration) {
        return Long.toString(Math.max(1, (duration.toMillis() + 999) / 1000));
    }
}
