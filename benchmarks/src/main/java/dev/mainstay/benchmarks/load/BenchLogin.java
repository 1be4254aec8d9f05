package dev.mainstay.benchmarks.load;

import dev.mainstay.core.Json;
import dev.mainstay.core.problem.Problem;
import dev.mainstay.security.password.Authenticated;
import dev.mainstay.security.password.PasswordAuthenticator;
import dev.mainstay.security.throttle.LoginThrottle;
import dev.mainstay.security.token.AccessTokens;
import dev.mainstay.security.web.MainstaySecurity;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /login} as an application writes it with mainstay-security: under the login throttle,
 * check the password (bcrypt, bounded by the hashing gate), then issue an access token. The one user,
 * {@value #EMAIL} with password {@value #PASSWORD}, lives in memory, so a login costs bcrypt and a
 * signature and nothing else.
 */
final class BenchLogin {
    static final String EMAIL = "bench@example.com";
    static final String PASSWORD = "correct horse battery staple";

    record Credentials(String email, String password) {}

    record User(String email, String passwordHash) {}

    private final PasswordAuthenticator<User> authenticator;
    private final LoginThrottle throttle;
    private final AccessTokens tokens;

    BenchLogin(MainstaySecurity security) {
        User user = new User(EMAIL, security.passwordHasher().hash(PASSWORD));
        Map<String, User> users = Map.of(EMAIL, user);
        this.authenticator =
                security.passwordAuthenticator(email -> Optional.ofNullable(users.get(email)), User::passwordHash);
        this.throttle = security.loginThrottle();
        this.tokens = security.accessTokens();
    }

    void handle(Context ctx) {
        Credentials in = Json.body(ctx, Credentials.class);
        User user = throttle.attempt(in.email(), ctx.ip(), () -> authenticator.authenticate(in.email(), in.password()))
                .map(Authenticated::user)
                .orElseThrow(() -> Problem.of(401, "Unauthorized").withDetail("Wrong e-mail or password.").toException());
        ctx.json(Map.of("token", tokens.issue(user.email(), List.of("user")).value()));
    }
}
