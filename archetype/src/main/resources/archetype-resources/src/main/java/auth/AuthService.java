package ${package}.auth;

import dev.mainstay.core.problem.Problem;
import dev.mainstay.core.problem.ProblemException;
import dev.mainstay.core.problem.Validation;
import dev.mainstay.persistence.UniqueViolationException;
import dev.mainstay.security.password.PasswordAuthenticator;
import dev.mainstay.security.password.PasswordHasher;
import dev.mainstay.security.password.PasswordPolicy;
import dev.mainstay.security.password.PasswordRejectedException;
import dev.mainstay.security.throttle.LoginThrottle;
import dev.mainstay.security.token.AccessToken;
import dev.mainstay.security.token.AccessTokens;
import dev.mainstay.security.token.RefreshToken;
import dev.mainstay.security.token.RefreshTokenStore;
import dev.mainstay.security.token.RefreshTokens;
import dev.mainstay.security.token.Rotation;
import dev.mainstay.security.web.MainstaySecurity;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Accounts and sessions: register, log in, refresh, log out. The rules live here, the HTTP in
 * {@link AuthRoutes}. Thread-safe.
 */
public final class AuthService {
    private static final Problem BAD_CREDENTIALS =
            Problem.of(401, "Unauthorized").withDetail("The e-mail address or the password is wrong.");
    private static final Problem BAD_REFRESH_TOKEN =
            Problem.of(401, "Unauthorized").withDetail("The refresh token is unknown, expired, revoked or already used.");

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final PasswordAuthenticator<User> authenticator;
    private final LoginThrottle throttle;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final RefreshTokenStore refreshTokenStore;

    /**
     * Creates the service; this hashes one dummy password, so create it once at start-up.
     *
     * @param users where accounts are stored
     * @param security mainstay-security's services, installed from the {@code security.*} settings
     * @param refreshTokenStore the store {@code security} keeps refresh tokens in
     */
    public AuthService(UserRepository users, MainstaySecurity security, RefreshTokenStore refreshTokenStore) {
        this.users = users;
        this.hasher = security.passwordHasher();
        this.policy = security.passwordPolicy();
        this.authenticator = security.passwordAuthenticator(users::findByEmail, User::passwordHash);
        this.throttle = security.loginThrottle();
        this.accessTokens = security.accessTokens();
        this.refreshTokens = security.refreshTokens();
        this.refreshTokenStore = refreshTokenStore;
    }

    /**
     * Creates an account with the role {@code user}.
     *
     * @throws ProblemException 422 naming every invalid field, or 409 if the address is taken
     */
    public User register(Credentials credentials) {
        String email = Email.normalize(credentials.email());
        Validation validation = Validation.start()
                .notBlank("/email", email)
                .check(email == null || Email.isValid(email), "/email", "must be an e-mail address");
        Optional<PasswordRejectedException> weak = policy.violation(credentials.password());
        validation.check(weak.isEmpty(), "/password", weak.map(Throwable::getMessage).orElse("")).throwIfInvalid();
        String hash = hasher.hash(credentials.password());
        try {
            return users.create(email, hash, Set.of(User.ROLE_USER));
        } catch (UniqueViolationException e) {
            if (e.violates(UserRepository.UNIQUE_EMAIL)) {
                throw Problem.of(409, "Conflict").withDetail("This e-mail address is already registered.").toException();
            }
            throw e;
        }
    }

    /**
     * Checks the credentials under the login throttle and opens a session.
     *
     * @param clientAddress the client's IP address, for the throttle
     * @throws ProblemException 422 for missing fields, 401 for wrong credentials (the same for an
     *     unknown address), 429 when throttled
     */
    public TokenPair login(Credentials credentials, String clientAddress) {
        String email = Email.normalize(credentials.email());
        Validation.start()
                .notBlank("/email", email)
                .required("/password", credentials.password())
                .throwIfInvalid();
        User user = throttle.attempt(email, clientAddress, () -> authenticator.authenticate(email, credentials.password()))
                .map(authenticated -> {
                    authenticated.upgradedHash().ifPresent(hash -> users.updatePasswordHash(authenticated.user().id(), hash));
                    return authenticated.user();
                })
                .orElseThrow(BAD_CREDENTIALS::toException);
        return tokens(user, refreshTokens.issue(user.id().toString()));
    }

    /**
     * Exchanges a refresh token for a new pair; a token used twice revokes its whole family.
     *
     * @throws ProblemException 422 for a missing token, 401 for any token that cannot be exchanged
     */
    public TokenPair refresh(RefreshRequest request) {
        Validation.start().notBlank("/refreshToken", request.refreshToken()).throwIfInvalid();
        Rotation rotation = refreshTokens.rotate(request.refreshToken()).orElseThrow(BAD_REFRESH_TOKEN::toException);
        User user = users.findById(UUID.fromString(rotation.subject())).orElseThrow(BAD_REFRESH_TOKEN::toException);
        return tokens(user, rotation.next());
    }

    /**
     * Ends the session of a refresh token, if it belongs to {@code caller}; anything else is ignored,
     * so that logout never reveals whether a token exists.
     *
     * @throws ProblemException 422 for a missing token
     */
    public void logout(UUID caller, RefreshRequest request) {
        Validation.start().notBlank("/refreshToken", request.refreshToken()).throwIfInvalid();
        boolean own = refreshTokenStore.find(RefreshTokens.hash(request.refreshToken()))
                .filter(token -> token.subject().equals(caller.toString()))
                .isPresent();
        if (own) {
            refreshTokens.revoke(request.refreshToken());
        }
    }

    /**
     * Returns the account of a signed-in user.
     *
     * @throws ProblemException 401 if the account no longer exists
     */
    public User account(UUID caller) {
        return users.findById(caller).orElseThrow(BAD_CREDENTIALS::toException);
    }

    private TokenPair tokens(User user, RefreshToken refresh) {
        AccessToken access = accessTokens.issue(user.id().toString(), user.roles());
        long expiresIn = Math.max(0, Duration.between(Instant.now(), access.expiresAt()).toSeconds());
        return new TokenPair(access.value(), refresh.value(), "Bearer", expiresIn);
    }
}
