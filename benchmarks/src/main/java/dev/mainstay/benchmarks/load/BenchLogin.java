package dev.mainstay.benchmarks.load;

import dev.mainstay.core.Json;
import dev.mainstay.core.problem.Problem;
import dev.mainstay.security.auth.AccountStore;
import dev.mainstay.security.auth.AuthFlows;
import dev.mainstay.security.web.MainstaySecurity;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /login} as an application writes it with mainstay-security: {@link AuthFlows#login}
 * throttles, checks the password (bcrypt, bounded by the hashing gate) and issues an access token. The
 * one user, {@value #EMAIL} with password {@value #PASSWORD}, lives in memory, so a login costs bcrypt
 * and a signature and nothing else.
 */
final class BenchLogin {
    static final String EMAIL = "bench@example.com";
    static final String PASSWORD = "correct horse battery staple";

    record Credentials(String email, String password) {}

    record User(String email, String passwordHash) {}

    private final AuthFlows<User> auth;

    BenchLogin(MainstaySecurity security) {
        this.auth = security.authFlows(new OneUser(new User(EMAIL, security.passwordHasher().hash(PASSWORD))));
    }

    void handle(Context ctx) {
        Credentials in = Json.body(ctx, Credentials.class);
        String token = auth.login(in.email(), in.password(), ctx.ip())
                .map(session -> session.tokens().accessToken())
                .orElseThrow(() -> Problem.of(401, "Unauthorized")
                        .withDetail("Wrong e-mail or password.")
                        .toException());
        ctx.json(Map.of("token", token));
    }

    /** The benchmark's only account, whose e-mail is also its token subject; in memory, never changed. */
    private record OneUser(User user) implements AccountStore<User> {
        @Override
        public Optional<User> findByLogin(String login) {
            return Optional.of(user).filter(u -> u.email().equals(login));
        }

        @Override
        public Optional<User> findBySubject(String subject) {
            return findByLogin(subject);
        }

        @Override
        public String subject(User u) {
            return u.email();
        }

        @Override
        public String passwordHash(User u) {
            return u.passwordHash();
        }

        @Override
        public Set<String> roles(User u) {
            return Set.of("user");
        }

        @Override
        public void savePasswordHash(User u, String newHash) {
            // The hash is made at start-up at the configured cost, so it is never outdated.
        }
    }
}
