package dev.mainstay.security.web;

import dev.mainstay.core.MainstaySetup;
import dev.mainstay.security.password.PasswordAuthenticator;
import dev.mainstay.security.password.PasswordHasher;
import dev.mainstay.security.password.PasswordPolicy;
import dev.mainstay.security.throttle.LoginThrottle;
import dev.mainstay.security.token.AccessTokens;
import dev.mainstay.security.token.RefreshTokenStore;
import dev.mainstay.security.token.RefreshTokens;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything mainstay-security offers, wired into a Mainstay app from its {@code security.*} config
 * in one call: the auth plugin, the problem mappings, and the services a login flow needs.
 *
 * <pre>{@code
 * Mainstay.run(app -> {
 *     MainstaySecurity security = MainstaySecurity.install(app, new JdbcRefreshTokenStore(db));
 *     app.javalin(cfg -> cfg.routes.get("/user", ctx -> ..., Access.AUTHENTICATED));
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

    private MainstaySecurity(SecurityConfig config, RefreshTokenStore store) {
        this.config = config;
        this.hasher = PasswordHasher.bcrypt(config.password());
        this.accessTokens = AccessTokens.create(config.jwt());
        this.refreshTokens = store == null ? null : RefreshTokens.create(store, config.refreshTtl());
        this.loginThrottle = LoginThrottle.inMemory(config.throttle());
    }

    /**
     * Reads {@code security.*}, registers the {@link SecurityPlugin} and {@link SecurityProblems}, and
     * returns the services; with refresh tokens kept in {@code store}.
     *
     * @param setup the app being set up
     * @param store where refresh-token hashes live (shared by all instances)
     * @return the installed services
     * @throws dev.mainstay.core.config.ConfigException listing every bad {@code security.*} key
     */
    public static MainstaySecurity install(MainstaySetup setup, RefreshTokenStore store) {
        return install(setup, setup.config().bind(SecurityConfig::from), Objects.requireNonNull(store, "store"));
    }

    /**
     * Like {@link #install(MainstaySetup, RefreshTokenStore)}, without refresh tokens (an API whose
     * clients log in again when the access token expires, such as RealWorld).
     *
     * @param setup the app being set up
     * @return the installed services; {@link #refreshTokens()} is unavailable
     */
    public static MainstaySecurity install(MainstaySetup setup) {
        return install(setup, setup.config().bind(SecurityConfig::from), null);
    }

    /**
     * Installs from settings the app has already bound (in its single {@code bind} call).
     *
     * @param setup the app being set up
     * @param config the security settings
     * @param store where refresh-token hashes live, or null for no refresh tokens
     * @return the installed services
     */
    public static MainstaySecurity install(MainstaySetup setup, SecurityConfig config, RefreshTokenStore store) {
        MainstaySecurity security = new MainstaySecurity(config, store);
        SecurityProblems.register(setup, "/password");
        setup.javalin(cfg -> cfg.registerPlugin(new SecurityPlugin(options -> {
            options.accessTokens = security.accessTokens;
            options.scheme = config.authScheme();
            options.cors = config.cors();
            options.headers = config.headers();
        })));
        return security;
    }

    /**
     * Returns the password hasher (bcrypt at the configured cost, bounded).
     *
     * @return the password hasher (bcrypt at the configured cost, bounded)
     */
    public PasswordHasher passwordHasher() {
        return hasher;
    }

    /**
     * Returns the policy to check new passwords with (on register, change and reset).
     *
     * @return the policy to check new passwords with (on register, change and reset)
     */
    public PasswordPolicy passwordPolicy() {
        return config.password().policy();
    }

    /**
     * Returns an authenticator for the app's users; create it once and share it.
     *
     * @param findUser finds a user by login name
     * @param storedHash returns a user's stored hash
     * @param <U> the user type
     * @return the authenticator
     */
    public <U> PasswordAuthenticator<U> passwordAuthenticator(
            Function<String, Optional<U>> findUser, Function<U, String> storedHash) {
        return new PasswordAuthenticator<>(hasher, findUser, storedHash);
    }

    /**
     * Returns the access-token service the plugin verifies with; issue tokens at login with it.
     *
     * @return the access-token service the plugin verifies with
     */
    public AccessTokens accessTokens() {
        return accessTokens;
    }

    /**
     * Returns the refresh-token service.
     *
     * @return the service
     * @throws IllegalStateException if installed without a {@link RefreshTokenStore}
     */
    public RefreshTokens refreshTokens() {
        if (refreshTokens == null) {
            throw new IllegalStateException("Refresh tokens need a store: MainstaySecurity.install(setup, store)");
        }
        return refreshTokens;
    }

    /**
     * Returns the login throttle (in memory, per instance).
     *
     * @return the login throttle (in memory, per instance)
     */
    public LoginThrottle loginThrottle() {
        return loginThrottle;
    }

    /**
     * Returns the settings it was installed with.
     *
     * @return the settings it was installed with
     */
    public SecurityConfig config() {
        return config;
    }
}
