package dev.mainstay.security.auth;

import dev.mainstay.security.config.SecurityConfig;
import dev.mainstay.security.password.Authenticated;
import dev.mainstay.security.password.PasswordAuthenticator;
import dev.mainstay.security.password.PasswordHasher;
import dev.mainstay.security.password.PasswordPolicy;
import dev.mainstay.security.password.PasswordRejectedException;
import dev.mainstay.security.throttle.LoginThrottle;
import dev.mainstay.security.throttle.LoginThrottledException;
import dev.mainstay.security.throttle.ThrottleConfig;
import dev.mainstay.security.token.AccessToken;
import dev.mainstay.security.token.AccessTokens;
import dev.mainstay.security.token.RefreshToken;
import dev.mainstay.security.token.RefreshTokens;
import dev.mainstay.security.token.Rotation;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The account flows every app with passwords needs, in the order security requires: register, log
 * in, refresh and log out. The app supplies its users through an {@link AccountStore}; this class
 * does the rest (policy, hashing, equal timing, throttling, hash upgrades, token issue, rotation and
 * reuse detection).
 *
 * <pre>{@code
 * AuthFlows<User> auth = security.authFlows(new UserAccounts(repository));
 * String client = ClientAddress.of(ctx).throttleKey();
 * User user = auth.register(password, client, hash -> repository.insertIfAbsent(email, hash)); // 409 if taken
 * Optional<Session<User>> session = auth.login(email, password, client);                      // empty: 401
 * Optional<Session<User>> next = auth.refresh(refreshToken);                          // empty: 401
 * auth.logout(Auth.principal(ctx).subject(), refreshToken);
 * }</pre>
 *
 * <p>Wrong credentials and unusable refresh tokens are normal results ({@code Optional.empty()}); the
 * app answers them with its own 401. The exceptions belong to {@code MainstaySecurityException}, and
 * {@code MainstaySecurity.install} maps each: {@link PasswordRejectedException} is 422 naming the
 * app's password field, {@link DuplicateAccountException} 409, {@link LoginThrottledException} 429 and
 * a saturated hasher 503. Thread-safe if the store is.
 *
 * @param <U> the app's user type
 */
public final class AuthFlows<U> {
    private final AccountStore<U> accounts;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final PasswordAuthenticator<U> authenticator;
    private final LoginThrottle throttle;
    private final LoginThrottle registrations;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final String tokenType;
    private final Clock clock;

    private AuthFlows(Builder<U> b) {
        this.accounts = b.accounts;
        this.hasher = Objects.requireNonNull(b.hasher, "hasher");
        this.policy = Objects.requireNonNull(b.policy, "policy");
        this.throttle = Objects.requireNonNull(b.throttle, "throttle");
        this.registrations = b.registrations != null
                ? b.registrations
                : registrationThrottle(SecurityConfig.REGISTER_LIMIT.defaultValue(), ThrottleConfig.WINDOW.defaultValue());
        this.accessTokens = Objects.requireNonNull(b.accessTokens, "accessTokens");
        this.refreshTokens = b.refreshTokens;
        this.tokenType = Objects.requireNonNull(b.tokenType, "tokenType");
        this.clock = Objects.requireNonNull(b.clock, "clock");
        this.authenticator = new PasswordAuthenticator<>(hasher, accounts::findByLogin, accounts::passwordHash);
    }

    /**
     * Starts building the flows over the app's users. In a Mainstay app, {@code
     * MainstaySecurity.authFlows(accounts)} does this from config.
     *
     * @param <U> the app's user type
     * @param accounts how the flows find and update the app's users
     * @return a builder; set the required services, then {@link Builder#build()}
     */
    public static <U> Builder<U> builder(AccountStore<U> accounts) {
        return new Builder<>(Objects.requireNonNull(accounts, "accounts"));
    }

    /**
     * Registers a new account: checks the password against the policy, counts the registration
     * against the client address's limit, hashes the password, and lets the app create the account
     * with the hash.
     *
     * <p>Every registration that reaches the hasher counts, a duplicate as much as a new account: each
     * costs a bcrypt hash, and a flood of them would fill the hashing gate so that logins get 503. A
     * duplicate hashes too, so that it answers in the time a new account takes; its 409 still tells
     * that the login exists, which an API that must say so (RealWorld, most sign-up forms) accepts.
     *
     * @param password the new password as typed
     * @param clientAddress the client's address as a throttle key, e.g. {@code
     *     ClientAddress.of(ctx).throttleKey()} (IPv6 grouped by /64)
     * @param create creates the account with the given hash and returns it, or returns empty if the
     *     login is taken (e.g. on the unique constraint); runs at most once
     * @return the created user
     * @throws PasswordRejectedException if the policy refuses the password (nothing is counted, hashed
     *     or created)
     * @throws LoginThrottledException if the address registered too often in the window; nothing is
     *     hashed or created
     * @throws DuplicateAccountException if {@code create} returned empty; the password was hashed
     *     anyway, so the answer takes as long as a successful registration
     */
    public U register(String password, String clientAddress, Function<String, Optional<U>> create) {
        policy.check(password);
        // The address is both keys of the registration throttle: its limit counts every registration.
        registrations.retryAfter(clientAddress, clientAddress).ifPresent(wait -> {
            throw new LoginThrottledException(wait);
        });
        registrations.recordFailure(clientAddress, clientAddress);
        String hash = hasher.hash(password);
        return create.apply(hash).orElseThrow(DuplicateAccountException::new);
    }

    /**
     * Returns an in-memory throttle that allows {@code limit} registrations per client address in each
     * {@code window}, for {@link Builder#registrationThrottle}. {@code MainstaySecurity} builds one from
     * {@code security.throttle.register-limit} and {@code security.throttle.window}.
     *
     * @param limit registrations per address per window, at least 1
     * @param window the length of a counting window
     * @return the throttle; counts per instance, like the login throttle
     */
    public static LoginThrottle registrationThrottle(int limit, Duration window) {
        return LoginThrottle.inMemory(
                new ThrottleConfig(limit, limit, window, ThrottleConfig.CAPACITY.defaultValue()));
    }

    /**
     * Logs in under the throttle: refuses a throttled account or address before hashing, checks the
     * password (in equal time for unknown users), saves an upgraded hash, and opens a session.
     *
     * @param login the login name, normalized as the {@link AccountStore} expects it
     * @param password the password as typed
     * @param clientAddress the client's address as a throttle key, e.g. {@code
     *     ClientAddress.of(ctx).throttleKey()}, for the per-address limit
     * @return the session, or empty for wrong credentials (unknown login and wrong password alike)
     * @throws LoginThrottledException if too many logins failed for the account or the address
     * @throws PasswordRejectedException if the password is null or longer than bcrypt can check
     */
    public Optional<Session<U>> login(String login, String password, String clientAddress) {
        Optional<Authenticated<U>> result =
                throttle.attempt(login, clientAddress, () -> authenticator.authenticate(login, password));
        return result.map(authenticated -> {
            U user = authenticated.user();
            authenticated.upgradedHash().ifPresent(hash -> accounts.savePasswordHash(user, hash));
            return new Session<>(user, tokensFor(user));
        });
    }

    /**
     * Exchanges a refresh token for a new pair. A token presented a second time revokes its whole
     * family (it was copied); a token of a user who no longer exists ends all of that user's sessions.
     *
     * @param refreshToken the token the client sent, may be null
     * @return the new session, or empty if the token is unknown, expired, revoked, already used or its
     *     user is gone
     * @throws IllegalStateException if the flows were built without refresh tokens
     */
    public Optional<Session<U>> refresh(String refreshToken) {
        Optional<Rotation> rotation = requireRefreshTokens().rotate(refreshToken);
        if (rotation.isEmpty()) {
            return Optional.empty();
        }
        String subject = rotation.get().subject();
        Optional<U> user = accounts.findBySubject(subject);
        if (user.isEmpty()) {
            refreshTokens.revokeAll(subject);
            return Optional.empty();
        }
        return Optional.of(new Session<>(user.get(), pair(user.get(), rotation.get().next())));
    }

    /**
     * Logs the caller out of one session: revokes the presented refresh token's family if it was
     * issued to the caller. Someone else's token, or an unknown one, is ignored without a sign, so
     * logout never reveals whether a token exists.
     *
     * @param callerSubject the authenticated caller, e.g. {@code Auth.principal(ctx).subject()}
     * @param refreshToken the refresh token the caller sent, may be null
     * @throws IllegalStateException if the flows were built without refresh tokens
     */
    public void logout(String callerSubject, String refreshToken) {
        requireRefreshTokens().revokeOwn(callerSubject, refreshToken);
    }

    /**
     * Logs a user out everywhere (after a password change, or when the account is disabled). Without
     * refresh tokens there is nothing to revoke: access tokens live until they expire.
     *
     * @param user the user whose refresh-token families are all revoked
     */
    public void logoutEverywhere(U user) {
        if (refreshTokens != null) {
            refreshTokens.revokeAll(accounts.subject(user));
        }
    }

    /**
     * Opens a session for a user the app has just authenticated by other means (e.g. right after
     * registration): a new access token and, with refresh tokens, the first of a new family.
     *
     * @param user the user to issue tokens to; its subject and current roles go into the access token
     * @return the tokens to hand to the client; no refresh token when the flows have none
     */
    public TokenPair tokensFor(U user) {
        return pair(user, refreshTokens == null ? null : refreshTokens.issue(accounts.subject(user)));
    }

    private TokenPair pair(U user, RefreshToken refresh) {
        AccessToken access = accessTokens.issue(accounts.subject(user), accounts.roles(user));
        long expiresIn = Math.max(0, Duration.between(clock.instant(), access.expiresAt()).toSeconds());
        return new TokenPair(access.value(), refresh == null ? null : refresh.value(), tokenType, expiresIn);
    }

    private RefreshTokens requireRefreshTokens() {
        if (refreshTokens == null) {
            throw new IllegalStateException(
                    "These flows were built without refresh tokens; give a RefreshTokenStore to MainstaySecurity.install");
        }
        return refreshTokens;
    }

    /**
     * Collects the services {@link AuthFlows} runs on. All are required except the refresh tokens,
     * whose absence is a choice: an API whose clients log in again when the access token expires.
     *
     * @param <U> the app's user type
     */
    public static final class Builder<U> {
        private final AccountStore<U> accounts;
        private PasswordHasher hasher;
        private PasswordPolicy policy;
        private LoginThrottle throttle;
        private LoginThrottle registrations;
        private AccessTokens accessTokens;
        private RefreshTokens refreshTokens;
        private String tokenType = "Bearer";
        private Clock clock = Clock.systemUTC();

        private Builder(AccountStore<U> accounts) {
            this.accounts = accounts;
        }

        /**
         * Sets the hasher that made the stored hashes and makes new ones, and the policy new passwords
         * must follow; required.
         *
         * @param hasher checks passwords at login and hashes new ones
         * @param policy checked on registration, never at login (old passwords keep working)
         * @return this builder
         */
        public Builder<U> passwords(PasswordHasher hasher, PasswordPolicy policy) {
            this.hasher = hasher;
            this.policy = policy;
            return this;
        }

        /**
         * Sets the login throttle; required.
         *
         * @param throttle counts failed logins per account and per client address
         * @return this builder
         */
        public Builder<U> throttle(LoginThrottle throttle) {
            this.throttle = throttle;
            return this;
        }

        /**
         * Sets the throttle that limits registrations per client address (see {@link
         * #registrationThrottle(int, Duration)}); by default {@code security.throttle.register-limit}'s
         * default (20) per 15 minutes, in memory.
         *
         * @param throttle counts every registration under the client address
         * @return this builder
         */
        public Builder<U> registrationThrottle(LoginThrottle throttle) {
            this.registrations = throttle;
            return this;
        }

        /**
         * Sets the access-token service; required.
         *
         * @param accessTokens issues the access token of every session
         * @return this builder
         */
        public Builder<U> accessTokens(AccessTokens accessTokens) {
            this.accessTokens = accessTokens;
            return this;
        }

        /**
         * Sets the refresh-token service; leave it unset for an API without refresh tokens.
         *
         * @param refreshTokens issues, rotates and revokes refresh tokens
         * @return this builder
         */
        public Builder<U> refreshTokens(RefreshTokens refreshTokens) {
            this.refreshTokens = refreshTokens;
            return this;
        }

        /**
         * Sets the {@link TokenPair#tokenType()}: the scheme word clients send, {@code Bearer} by default.
         *
         * @param tokenType the scheme word, e.g. {@code Token} for the RealWorld API
         * @return this builder
         */
        public Builder<U> tokenType(String tokenType) {
            this.tokenType = tokenType;
            return this;
        }

        /**
         * Sets the clock {@link TokenPair#expiresIn()} is counted on; the system clock by default.
         *
         * @param clock the clock the access tokens are issued on, so that the two agree
         * @return this builder
         */
        public Builder<U> clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Builds the flows.
         *
         * @return the flows; immutable and thread-safe
         * @throws NullPointerException naming the first required service that was not set
         */
        public AuthFlows<U> build() {
            return new AuthFlows<>(this);
        }
    }
}
