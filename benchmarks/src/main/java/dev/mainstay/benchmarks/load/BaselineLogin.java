package dev.mainstay.benchmarks.load;

import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import io.jsonwebtoken.Jwts;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import javax.crypto.SecretKey;
import org.mindrot.jbcrypt.BCrypt;

/**
 * {@code POST /login} of the control server, as a bare Javalin app would write it: jBCrypt at cost 12
 * on the request thread, with no bound on concurrent hashing, then a jjwt HS256 token. The login flood
 * scenario runs against it too, to show what Mainstay's hashing gate changes for the other routes.
 */
final class BaselineLogin {
    private final String storedHash = BCrypt.hashpw(BenchLogin.PASSWORD, BCrypt.gensalt(12));
    private final SecretKey key = Jwts.SIG.HS256.key().build();

    void handle(Context ctx) {
        BenchLogin.Credentials in = ctx.bodyAsClass(BenchLogin.Credentials.class);
        if (!BenchLogin.EMAIL.equals(in.email()) || in.password() == null || !BCrypt.checkpw(in.password(), storedHash)) {
            throw new UnauthorizedResponse();
        }
        Instant now = Instant.now();
        String token = Jwts.builder()
                .subject(in.email())
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plusSeconds(900)))
                .signWith(key)
                .compact();
        ctx.json(Map.of("token", token));
    }
}
