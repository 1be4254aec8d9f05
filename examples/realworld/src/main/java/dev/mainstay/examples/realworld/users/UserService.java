package dev.mainstay.examples.realworld.users;

import dev.mainstay.core.problem.Problem;
import dev.mainstay.core.problem.Validation;
import dev.mainstay.examples.realworld.common.Problems;
import dev.mainstay.persistence.Database;
import dev.mainstay.persistence.UniqueViolationException;
import dev.mainstay.security.auth.AccountStore;
import dev.mainstay.security.auth.AuthFlows;
import dev.mainstay.security.password.PasswordHasher;
import dev.mainstay.security.password.PasswordPolicy;
import dev.mainstay.security.web.MainstaySecurity;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Registration, login and the signed-in user's account.
 *
 * <p>Register and login run through mainstay-security's {@link AuthFlows} (policy, bcrypt, equal time
 * for unknown e-mails, the login throttle, hash upgrades, token issue); this class adds RealWorld's
 * fields and its 422 for a taken e-mail or username. Changing the password or e-mail moves the user's
 * {@code tokens_valid_after} to now, which revokes every token issued before. Thread-safe.
 */
public final class UserService {
    private final Database db;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final AuthFlows<UserRow> auth;
    private final Clock clock;

    /** Creates the service over the installed security services. */
    public UserService(Database db, UserRepository users, MainstaySecurity security, Clock clock) {
        this.db = db;
        this.users = users;
        this.hasher = security.passwordHasher();
        this.policy = security.passwordPolicy();
        this.auth = security.authFlows(new Accounts(users));
        this.clock = clock;
    }

    /**
     * Registers a user, under the registration limit of {@code clientAddress}.
     *
     * @param clientAddress the client's throttle key, {@code ClientAddress.of(ctx).throttleKey()}
     * @throws dev.mainstay.core.problem.ProblemException 422 listing every invalid or taken field
     */
    public User register(NewUser input, String clientAddress) {
        Validation validation = Validation.start().required("/user", input);
        validation.throwIfInvalid();
        String email = normalizeEmail(input.email());
        UserRules.username(validation, "/user/username", input.username());
        UserRules.email(validation, "/user/email", email);
        UserRules.password(validation, "/user/password", input.password(), policy);
        validation.throwIfInvalid();
        // The spec answers a taken name with 422 naming the field, not the library's 409: create throws it.
        UserRow user = auth.register(input.password(), clientAddress, hash -> Optional.of(saving(() -> db.transactionResult(tx -> {
            Validation taken = Validation.start();
            taken.check(!users.usernameTaken(input.username(), 0), "/user/username", UserRules.TAKEN);
            taken.check(!users.emailTaken(email, 0), "/user/email", UserRules.TAKEN);
            taken.throwIfInvalid();
            return users.insert(input.username(), email, hash);
        }))));
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
        validation.storable("/user/email", input.email());
        validation.throwIfInvalid();
        UserRow user = auth.login(normalizeEmail(input.email()), input.password(), clientAddress)
                .orElseThrow(() -> Problem.of(401, "Unauthorized")
                        .withDetail("email or password is invalid")
                        .toException())
                .user();
        return toUser(user);
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
     * Applies the given changes to the signed-in user; absent fields stay as they are. A new password or
     * e-mail revokes every token issued before this second; the answer carries a new one.
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
            UserRow user = users.findById(userId).orElseThrow(UserService::unknownUser);
            UserRow changed = UserRules.apply(user, input, email, hash);
            Validation taken = Validation.start();
            taken.check(
                    changed.username().equals(user.username()) || !users.usernameTaken(changed.username(), userId),
                    "/user/username",
                    UserRules.TAKEN);
            taken.check(
                    changed.email().equals(user.email()) || !users.emailTaken(changed.email(), userId),
                    "/user/email",
                    UserRules.TAKEN);
            taken.throwIfInvalid();
            users.update(changed);
            if (hash != null || !changed.email().equals(user.email())) {
                // Seconds, as a JWT's iat: the token answered below, issued in this second, stays valid.
                users.revokeTokens(userId, clock.instant().getEpochSecond());
            }
            return changed;
        }));
        return toUser(updated);
    }

    private UserRow require(long userId) {
        return users.findById(userId).orElseThrow(UserService::unknownUser);
    }

    private User toUser(UserRow user) {
        String token = auth.tokensFor(user).accessToken();
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

    /** The users as mainstay-security's flows see them: found by lower-cased e-mail, named by id. */
    private record Accounts(UserRepository users) implements AccountStore<UserRow> {
        @Override
        public Optional<UserRow> findByLogin(String email) {
            return users.findByEmail(email);
        }

        @Override
        public Optional<UserRow> findBySubject(String subject) {
            return users.findById(Long.parseLong(subject));
        }

        @Override
        public String subject(UserRow user) {
            // The id, not the e-mail or username, which the user may change.
            return String.valueOf(user.id());
        }

        @Override
        public String passwordHash(UserRow user) {
            return user.passwordHash();
        }

        @Override
        public void savePasswordHash(UserRow user, String newHash) {
            users.updatePasswordHash(user.id(), newHash);
        }
    }
}
