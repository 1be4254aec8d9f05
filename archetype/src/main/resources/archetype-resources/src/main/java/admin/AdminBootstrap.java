package ${package}.admin;

import ${package}.AppConfig;
import ${package}.auth.User;
import ${package}.auth.UserRepository;
import dev.mainstay.persistence.UniqueViolationException;
import dev.mainstay.security.password.PasswordHasher;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the first admin at start-up from {@code app.admin-email} and {@code app.admin-password}, so
 * that a fresh deployment can be administered without touching the database.
 *
 * <p>Idempotent: an existing account with that address keeps its password and is granted the admin
 * role. Two replicas starting at once are fine too: the loser of the insert just grants the role.
 */
public final class AdminBootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    private AdminBootstrap() {}

    /**
     * Makes sure the configured admin exists; does nothing when none is configured.
     *
     * @param config the {@code app.*} settings
     * @param users where accounts are stored
     * @param hasher hashes the configured password
     */
    public static void ensureAdmin(AppConfig config, UserRepository users, PasswordHasher hasher) {
        if (config.adminEmail().isEmpty() || config.adminPassword().isEmpty()) {
            return;
        }
        String email = config.adminEmail().get();
        Optional<User> existing = users.findByEmail(email);
        if (existing.isPresent()) {
            users.grant(existing.get().id(), User.ROLE_ADMIN);
            return;
        }
        String hash = hasher.hash(config.adminPassword().get().reveal());
        try {
            users.create(email, hash, Set.of(User.ROLE_USER, User.ROLE_ADMIN));
            LOG.info("Created the first admin, {}", email);
        } catch (UniqueViolationException raced) {
            users.findByEmail(email).ifPresent(user -> users.grant(user.id(), User.ROLE_ADMIN));
        }
    }
}
