package ${package}.auth;

import dev.mainstay.security.auth.AccountStore;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The service's users as mainstay-security's auth flows see them: looked up by e-mail (login) or id
 * (the tokens' subject). Thread-safe.
 */
final class UserAccounts implements AccountStore<User> {
    private final UserRepository users;

    UserAccounts(UserRepository users) {
        this.users = users;
    }

    @Override
    public Optional<User> findByLogin(String email) {
        return users.findByEmail(email);
    }

    @Override
    public Optional<User> findBySubject(String subject) {
        return users.findById(UUID.fromString(subject));
    }

    @Override
    public String subject(User user) {
        return user.id().toString();
    }

    @Override
    public String passwordHash(User user) {
        return user.passwordHash();
    }

    @Override
    public Set<String> roles(User user) {
        return user.roles();
    }

    @Override
    public void savePasswordHash(User user, String newHash) {
        users.updatePasswordHash(user.id(), newHash);
    }
}
