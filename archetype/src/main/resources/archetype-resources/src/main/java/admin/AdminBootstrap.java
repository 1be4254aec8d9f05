package ${package}.admin;

import ${package}.AppConfig;
import ${package}.auth.User;
import ${package}.auth.UserRepository;
import dev.mainstay.core.config.ConfigException;
import dev.mainstay.core.config.ConfigProblem;
import dev.mainstay.security.password.PasswordHasher;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the first admin at start-up from {@code app.admin-email} and {@code app.admin-password}, so
 * that a fresh deployment can be administered without touching the database.
 *
 * <p>Anyone can register any address (it is never verified), so an existing account with the admin's
 * address is made admin only if its password is {@code app.admin-password}: otherwise someone who
 * registered the address before the operator configured it would become admin. Such a conflict stops
 * the start with a message that says how to resolve it. Idempotent: an account that holds the role
 * already (the one created here) is left as it is, and two replicas starting at once are fine too.
 */
public final class AdminBootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    private AdminBootstrap() {}

    /**
     * Makes sure the configured admin exists; does nothing when none is configured.
     *
     * @param config the {@code app.*} settings
     * @param users where accounts are stored
     * @param hasher hashes and checks the configured password
     * @throws ConfigException naming {@code app.admin-email} when an account with that address exists,
     *     is not admin, and its password is not {@code app.admin-password}; nothing is granted
     */
    public static void ensureAdmin(AppConfig config, UserRepository users, PasswordHasher hasher) {
        if (config.adminEmail().isEmpty() || config.adminPassword().isEmpty()) {
            return;
        }
        String email = config.adminEmail().get();
        String password = config.adminPassword().get().reveal();
        Optional<User> existing = users.findByEmail(email);
        if (existing.isEmpty()) {
            existing = users.create(email, hasher.hash(password), Set.of(User.ROLE_USER, User.ROLE_ADMIN));
            if (existing.isPresent()) {
                LOG.info("Created the first admin, {}", email);
                return;
            }
            existing = users.findByEmail(email); // another replica created it just now
        }
        User user = existing.orElseThrow();
        if (user.roles().contains(User.ROLE_ADMIN)) {
            return;
        }
        if (!hasher.verify(password, user.passwordHash())) {
            throw new ConfigException(List.of(new ConfigProblem("app.admin-email", email,
                    "is already registered by an account whose password is not app.admin-password, so it was not made"
                            + " admin: someone may have registered this address first. Configure another address, or"
                            + " delete that account (or set app.admin-password to its password, if it is yours) and"
                            + " start again")));
        }
        users.grant(user.id(), User.ROLE_ADMIN);
        LOG.info("Made the existing account {} admin: its password is app.admin-password", email);
    }
}
