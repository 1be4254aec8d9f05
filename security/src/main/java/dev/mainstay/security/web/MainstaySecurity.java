package dev.mainstay.security.web;

import dev.mainstay.core.MainstaySetup;
import dev.mainstay.core.config.Profile;
import dev.mainstay.core.config.ConfigReader;
import dev.mainstay.security.PeriodicCleanup;
import dev.mainstay.security.auth.AccountStore;
import dev.mainstay.security.auth.AuthFlows;
import dev.mainstay.security.config.SecurityConfig;
import dev.mainstay.security.password.PasswordHasher;
import dev.mainstay.security.password.PasswordPolicy;
import dev.mainstay.security.throttle.LoginThrottle;
import dev.mainstay.security.throttle.ThrottleStore;
import dev.mainstay.security.token.AccessTokens;
import dev.mainstay.security.token.RefreshTokenStore;
import dev.mainstay.security.token.RefreshTokens;
import dev.mainstay.security.token.TokenRevocations;
import java.time.Clock;
import java.util.HashSet;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything mainstay-security offers, wired into a Mainstay app in one call: the auth plugin, the
 * problem answers of the security exceptions, the hourly refresh-token cleanup, and the services an
 * app's account routes need.
 *
 * <pre>{@code
 * Mainstay.run(app -> {
 *     Settings settings = app.config().bind(r -> new Settings(MyConfig.from(r), MainstaySecurity.readConfig(r)));
 *     MainstaySecurity security = MainstaySecurity.install(app, settings.security(), tokenStore, "/password");
 *     AuthFlows<User> auth = security.authFlows(new UserAccounts(users));
 *     app.javalin(cfg -> cfg.routes.get("/me", ctx -> ..., Access.AUTHENTICATED));
 * });
 * }</pre>
 *
 * <p>Each service is an ordinary object usable on its own; this class only builds them once, from one
 * config. Thread-safe after install.
 */
public final class MainstaySecurity {
    private final SecurityConfig config;
    private final PasswordHasher hasher;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final LoginThrottle loginThrottle;
    private final LoginThrottle registrationThrottle;
    private final Profile profile;

    private MainstaySecurity(SecurityConfig config, RefreshTokenStore store, Extras extras, Profile profile) {
        this.config = config;
        this.profile = profile;
        this.hasher = PasswordHasher.bcrypt(config.password());
        this.accessTokens = AccessTokens.create(config.jwt(), Clock.systemUTC(), extras.revocations);
        this.refreshTokens = store == null ? null : RefreshTokens.create(store, config.refresh());
        this.loginThrottle = extras.throttleStore == null
                ? LoginThrottle.inMemory(config.throttle())
                : new LoginThrottle(extras.throttleStore, config.throttle(), Clock.systemUTC());
        this.registrationThrottle =
                AuthFlows.registrationThrottle(config.registerLimit(), config.throttle().window());
    }

    /**
     * Reads every {@code security.*} key; call it inside the app's one {@code bind}, so that security's
     * start-up problems are reported together with the app's own. Never throws itself.
     *
     * <p>In the prod profile a missing issuer, audience or key is a problem; in dev and test a missing
     * key is generated at random with a loud warning. Configured HMAC secrets that are short,
     * published examples or passphrases are refused in every profile.
     *
     * @param r the reader of the app's one {@code bind}
     * @return the settings (meaningful only if {@code bind} then reports no problem)
     */
    public static SecurityConfig readConfig(ConfigReader r) {
        return Settings.read(r);
    }

    /**
     * Installs security with refresh tokens kept in {@code store}: registers the {@link SecurityPlugin},
     * maps the security exceptions to problems, and deletes expired refresh tokens every
     * {@code security.refresh.cleanup-interval} until the app stops.
     *
     * @param setup the app being set up
     * @param config the settings, from {@link #readConfig} in the app's {@code bind}
     * @param store where refresh-token hashes live; share it between instances
     * @param passwordPointer the JSON pointer of the password in the app's request bodies, named in
     *     422 answers, e.g. {@code /password} or RealWorld's {@code /user/password}
     * @return the installed services
     */
    public static MainstaySecurity install(
            MainstaySetup setup, SecurityConfig config, RefreshTokenStore store, String passwordPointer) {
        return install(setup, config, store, passwordPointer, extras -> {});
    }

    /**
     * Installs security with refresh tokens, as {@link #install(MainstaySetup, SecurityConfig,
     * RefreshTokenStore, String)}, with the optional parts set in {@code extras}: a shared throttle
     * store, or a per-subject "tokens valid after" instant.
     *
     * <pre>{@code
     * MainstaySecurity.install(setup, config, refreshTokens, "/password", extras -> {
     *     extras.throttleStore = MainstayPersistence.throttleStore(setup, db); // shared by all instances
     *     extras.revocations = users::tokensValidAfter;                         // e.g. after a password change
     * });
     * }</pre>
     *
     * @param setup the app being set up
     * @param config the settings, from {@link #readConfig} in the app's {@code bind}
     * @param store where refresh-token hashes live; share it between instances
     * @param passwordPointer the JSON pointer of the password in the app's request bodies
     * @param extras sets the optional parts; each has a safe default
     * @return the installed services
     */
    public static MainstaySecurity install(
            MainstaySetup setup,
            SecurityConfig config,
            RefreshTokenStore store,
            String passwordPointer,
            Consumer<Extras> extras) {
        Objects.requireNonNull(store, "store: for an API without refresh tokens, call installWithoutRefreshTokens");
        MainstaySecurity security = installServices(setup, config, store, passwordPointer, extras);
        setup.manage(PeriodicCleanup.start(
                "expired refresh tokens", config.refresh().cleanupInterval(), store::deleteExpired));
        return security;
    }

    /**
     * Installs security without refresh tokens: for an API whose clients log in again when the access
     * token expires (such as RealWorld). {@link #refreshTokens()} is then unavailable, and the
     * {@code TokenPair}s of {@link #authFlows} carry no refresh token.
     *
     * @param setup the app being set up
     * @param config the settings, from {@link #readConfig} in the app's {@code bind}
     * @param passwordPointer the JSON pointer of the password in the app's request bodies
     * @return the installed services
     */
    public static MainstaySecurity installWithoutRefreshTokens(
            MainstaySetup setup, SecurityConfig config, String passwordPointer) {
        return installWithoutRefreshTokens(setup, config, passwordPointer, extras -> {});
    }

    /**
     * Installs security without refresh tokens, as {@link #installWithoutRefreshTokens(MainstaySetup,
     * SecurityConfig, String)}, with the optional parts set in {@code extras}. With no refresh token to
     * revoke, {@link Extras#revocations} is how a password change ends the sessions it should
     * (RealWorld's {@code PUT /api/user}).
     *
     * @param setup the app being set up
     * @param config the settings, from {@link #readConfig} in the app's {@code bind}
     * @param passwordPointer the JSON pointer of the password in the app's request bodies
     * @param extras sets the optional parts; each has a safe default
     * @return the installed services
     */
    public static MainstaySecurity installWithoutRefreshTokens(
            MainstaySetup setup, SecurityConfig config, String passwordPointer, Consumer<Extras> extras) {
        return installServices(setup, config, null, passwordPointer, extras);
    }

    /** The optional parts of an install; each field has a default that is safe on one instance. */
    public static final class Extras {
        /**
         * Where login and registration attempts are counted; {@code null} (the default) counts in
         * this instance's memory, so N instances allow N times the limit. Share one store, such as
         * persistence's database store, between instances.
         */
        public ThrottleStore throttleStore;

        /** The app's per-subject "tokens valid after" instant, consulted on every request; none by default. */
        public TokenRevocations revocations = TokenRevocations.NONE;

        private Extras() {}
    }

    private static MainstaySecurity installServices(
            MainstaySetup setup,
            SecurityConfig config,
            RefreshTokenStore store,
            String passwordPointer,
            Consumer<Extras> configureExtras) {
        Objects.requireNonNull(config, "config");
        if (passwordPointer == null || !passwordPointer.startsWith("/")) {
            throw new IllegalArgumentException(
                    "passwordPointer must be a JSON pointer such as /password, not " + passwordPointer);
        }
        Extras extras = new Extras();
        configureExtras.accept(extras);
        Objects.requireNonNull(extras.revocations, "extras.revocations: TokenRevocations.NONE for none");
        MainstaySecurity security = new MainstaySecurity(config, store, extras, setup.profile());
        SecurityProblems.register(setup, passwordPointer);
        setup.javalin(cfg -> cfg.registerPlugin(new SecurityPlugin(options -> {
            options.accessTokens = security.accessTokens;
            options.scheme = config.authScheme();
            options.cors = config.cors();
            options.headers = config.headers();
        })));
        return security;
    }

    /**
     * Builds the account flows (register, login, refresh, logout) over the app's users. Create it
     * once at start-up and share it; it is cheap and thread-safe.
     *
     * @param accounts the app's user lookup and storage
     * @param <U> the app's user type
     * @return the flows
     */
    public <U> AuthFlows<U> authFlows(AccountStore<U> accounts) {
        return AuthFlows.builder(accounts)
                .passwords(hasher, config.password().policy())
                .throttle(loginThrottle)
                .registrationThrottle(registrationThrottle)
                .accessTokens(accessTokens)
                .refreshTokens(refreshTokens)
                .tokenType(config.authScheme())
                .build();
    }

    /**
     * Returns the cookie mode of the token routes under {@code cookiePath}, for browser pages: the
     * refresh token in an {@code HttpOnly; Secure; SameSite=Strict} cookie for that path, lasting
     * {@code security.refresh.ttl}, with the CSRF checks against the service's own origin and
     * {@code security.cors.allowed-origins}. Create it once at start-up.
     *
     * @param cookiePath the path prefix of the routes that read the cookie (refresh and logout), e.g.
     *     {@code /api/auth}; the browser sends the cookie to nothing else
     * @return the cookie mode
     * @throws IllegalArgumentException if {@code cookiePath} does not start with {@code /} or holds
     *     a character a cookie attribute cannot
     * @throws IllegalStateException if installed without refresh tokens
     */
    public BrowserSession browserSession(String cookiePath) {
        refreshTokens();
        if (cookiePath == null || !cookiePath.matches("/[A-Za-z0-9/._~-]*")) {
            throw new IllegalArgumentException("cookiePath must be a path such as /api/auth, not " + cookiePath);
        }
        return new BrowserSession(
                new RefreshCookie(cookiePath, config.refresh().ttl(), profile == Profile.DEV),
                new OriginCheck(new HashSet<>(config.cors().allowedOrigins())));
    }

    /**
     * Returns the bounded bcrypt hasher at the configured cost, e.g. to hash a changed password.
     *
     * @return the hasher
     */
    public PasswordHasher passwordHasher() {
        return hasher;
    }

    /**
     * Returns the policy to check new passwords with on change and reset (register checks it itself).
     *
     * @return the policy
     */
    public PasswordPolicy passwordPolicy() {
        return config.password().policy();
    }

    /**
     * Returns the access-token service the plugin verifies with.
     *
     * @return the service
     */
    public AccessTokens accessTokens() {
        return accessTokens;
    }

    /**
     * Returns the refresh-token service, e.g. to log a user out everywhere.
     *
     * @return the service
     * @throws IllegalStateException if installed without refresh tokens
     */
    public RefreshTokens refreshTokens() {
        if (refreshTokens == null) {
            throw new IllegalStateException(
                    "Installed without refresh tokens: use MainstaySecurity.install(setup, config, store, pointer)");
        }
        return refreshTokens;
    }

    /**
     * Returns the login throttle: per instance in memory, or shared when {@code Extras.throttleStore}
     * is set, e.g. to persistence's database store (see the module README).
     *
     * @return the throttle
     */
    public LoginThrottle loginThrottle() {
        return loginThrottle;
    }

    /**
     * Returns the settings it was installed with.
     *
     * @return the settings
     */
    public SecurityConfig config() {
        return config;
    }
}
