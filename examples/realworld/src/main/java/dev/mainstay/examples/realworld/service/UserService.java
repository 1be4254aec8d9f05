package dev.mainstay.examples.realworld.service;

import dev.mainstay.core.problem.Problem;
import dev.mainstay.core.problem.Validation;
import dev.mainstay.examples.realworld.dto.LoginUser;
import dev.mainstay.examples.realworld.dto.NewUser;
import dev.mainstay.examples.realworld.dto.UpdateUser;
import dev.mainstay.examples.realworld.dto.User;
import dev.mainstay.examples.realworld.repository.UserRepository;
import dev.mainstay.examples.realworld.repository.UserRow;
import dev.mainstay.persistence.Database;
import dev.mainstay.persistence.UniqueViolationException;
import dev.mainstay.security.password.Authenticated;
import dev.mainstay.security.password.PasswordAuthenticator;
import dev.mainstay.security.password.PasswordHasher;
import dev.mainstay.security.password.PasswordPolicy;
import dev.mainstay.security.throttle.LoginThrottle;
import dev.mainstay.security.token.AccessTokens;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Registration, login and the signed-in user's account.
 *
 * <p>Passwords go through mainstay-security: the policy on registration and change, bcrypt for
 * storage, and a {@link PasswordAuthenticator} at login (equal time for unknown e-mails, rehash when the
 * cost changed). Each answer carries a fresh token. Thread-safe.
 */
public final class UserService {
    private final Database db;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final PasswordAuthenticator<UserRow> authenticator;
    private final AccessTokens tokens;
    private final LoginThrottle throttle;

    /** Creates the service; this computes one bcrypt hash (the authenticator's dummy), so do it once. */
    public UserService(
            Database db,
            UserRepository users,
            PasswordHasher hasher,
            PasswordPolicy policy,
            AccessTokens tokens,
            LoginThrottle throttle) {
        this.db = db;
        this.users = users;
        this.hasher = hasher;
        this.policy = policy;
        this.tokens = tokens;
        this.throttle = throttle;
        this.authenticator =
                new PasswordAuthenticator<>(hasher, email -> users.findByEmail(db.dsl(), email), UserRow::passwordHash);
    }

    /**
     * Registers a user.
     *
     * @throws dev.mainstay.core.problem.ProblemException 422 listing every invalid or taken field
     */
    public User register(NewUser input) {
        Validation validation = Validation.start().required("/user", input);
        validation.throwIfInvalid();
        String email = normalizeEmail(input.email());
        UserRules.username(validation, "/user/username", input.username());
        UserRules.email(validation, "/user/email", email);
        UserRules.password(validation, "/user/password", input.password(), policy);
        validation.throwIfInvalid();
        String hash = hasher.hash(input.password());
        UserRow user = saving(() -> db.transactionResult(tx -> {
            Validation taken = Validation.start();
            taken.check(!users.usernameTaken(tx, input.username(), 0), "/user/username", UserRules.TAKEN);
            taken.check(!users.emailTaken(tx, email, 0), "/user/email", UserRules.TAKEN);
            taken.throwIfInvalid();
            return users.insert(tx, input.username(), email, hash);
        }));
        return toUser(user);
    }

    /**
     * Checks credentials, under the login throttle of the e-mail and of {@code clientAddress}.
     *
     * @throws dev.mainstay.core.problem.ProblemException 422 when a field is missing, 401 when they do not match
     * @throws dev.mainstay.security.throttle.LoginThrottledException after too many failures (429)
     */
    public User login(LoginUser input, String clientAddress) {
        Validation validation = Validation.start().required("/user", input);
        validation.throwIfInvalid();
        validation.notBlank("/user/email", input.email()).notBlank("/user/password", input.password());
        StorableText.check(validation, "/user/email", input.email());
        validation.throwIfInvalid();
        String email = normalizeEmail(input.email());
        Optional<Authenticated<UserRow>> result =
                throttle.attempt(email, clientAddress, () -> authenticator.authenticate(email, input.password()));
        Authenticated<UserRow> authenticated = result.orElseThrow(() -> Problem.of(401, "Unauthorized")
                .withDetail("email or password is invalid")
                .toException());
        UserRow user = authenticated.user();
        authenticated.upgradedHash().ifPresent(hash -> users.updatePasswordHash(db.dsl(), user.id(), hash));
        return toUser(user);
    }

    /**
     * Checks that the user a verified token names still exists; a token outlives a deleted user (or a
     * reset database) until it expires, and must not let anyone act as no one.
     *
     * @throws dev.mainstay.core.problem.ProblemException 401 when there is no user {@code userId}
     */
    public void requireExisting(long userId) {
        require(userId);
    }

    /**
     * Returns the signed-in user.
     *
     * @throws dev.mainstay.core.problem.ProblemException 401 when the user of a valid token no longer exists
     */
    public User current(long userId) {
        return toUser(require(userId));
    }

    /**
     * Applies the given changes to the signed-in user; absent fields stay as they are.
     *
     * @throws dev.mainstay.core.problem.ProblemException 422 listing every invalid or taken field
     */
    public User update(long userId, UpdateUser input) {
        Validation validation = Validation.start().required("/user", input);
        validation.throwIfInvalid();
        UserRules.anyChange(validation, "/user", input);
        validation.throwIfInvalid();
        String email = input.email() == null ? null : normalizeEmail(input.email());
        if (input.username() != null) {
            UserRules.username(validation, "/user/username", input.username());
        }
        if (email != null) {
            UserRules.email(validation, "/user/email", email);
        }
        if (input.password() != null) {
            UserRules.password(validation, "/user/password", input.password(), policy);
        }
        UserRules.profile(validation, "/user", input.bio(), input.image());
        validation.throwIfInvalid();
        String hash = input.password() == null ? null : hasher.hash(input.password());
        UserRow updated = saving(() -> db.transactionResult(tx -> {
            UserRow user = users.findById(tx, userId).orElseThrow(UserService::unknownUser);
            UserRow changed = UserRules.apply(user, input, email, hash);
            Validation taken = Validation.start();
            taken.check(
                    changed.username().equals(user.username()) || !users.usernameTaken(tx, changed.username(), userId),
                    "/user/username",
                    UserRules.TAKEN);
            taken.check(
                    changed.email().equals(user.email()) || !users.emailTaken(tx, changed.email(), userId),
                    "/user/email",
                    UserRules.TAKEN);
            taken.throwIfInvalid();
            users.update(tx, changed);
            return changed;
        }));
        return toUser(updated);
    }

    private UserRow require(long userId) {
        return users.findById(db.dsl(), userId).orElseThrow(UserService::unknownUser);
    }

    private User toUser(UserRow user) {
        // The subject is the id, not the e-mail or username, which the user may change.
        String token = tokens.issue(String.valueOf(user.id()), List.of()).value();
        return new User(user.email(), token, user.username(), user.bio(), user.image());
    }

    /** Two requests that both passed the "taken?" check: the second one loses at the unique constraint. */
    private static UserRow saving(Supplier<UserRow> save) {
        try {
            return save.get();
        } catch (UniqueViolationException e) {
            String field = e.violates("users_email_key") ? "/user/email" : "/user/username";
            throw Problems.invalid(field, UserRules.TAKEN);
        }
    }

    private static RuntimeException unknownUser() {
        // A valid token of a user that was deleted since: the token no longer proves anyone.
        return Problem.of(401, "Unauthorized")
                .withDetail("the user of this token no longer exists")
                .toException();
    }

    private static String normalizeEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }
}
