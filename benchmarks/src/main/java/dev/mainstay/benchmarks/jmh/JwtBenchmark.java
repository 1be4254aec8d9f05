package dev.mainstay.benchmarks.jmh;

import dev.mainstay.security.Principal;
import dev.mainstay.security.token.AccessTokens;
import dev.mainstay.security.token.JwtAlgorithm;
import dev.mainstay.security.token.JwtConfig;
import dev.mainstay.security.token.JwtKey;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.JwtParserBuilder;
import io.jsonwebtoken.Jwts;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Signing and verifying access tokens through Mainstay's {@link AccessTokens}, with its verified-token
 * cache off ({@code verify}) and on ({@code verifyCached}, what a client that reuses its token gets),
 * and plain jjwt with the same key as the control.
 *
 * <p>{@code verify} does everything RFC 8725 asks (pinned algorithm per kid, typ, exp, iss, aud, sub,
 * canonical form); {@code jjwtVerify} checks the signature, iss and aud. The gap between them is the
 * price of those checks; the gap to {@code verifyCached} is what the cache saves per request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class JwtBenchmark {
    private static final String ISSUER = "https://bench.example";
    private static final String AUDIENCE = "bench-api";
    private static final List<String> ROLES = List.of("user");

    @Param({"HS256", "ES256"})
    String algorithm;

    private AccessTokens tokens;
    private AccessTokens cachedTokens;
    private String token;
    private JwtKey key;
    private JwtParser plainParser;
    private String plainToken;

    /** Builds one key, the services with and without cache, and a token of each kind. */
    @Setup
    public void setUp() {
        key = JwtKey.generate("bench", JwtAlgorithm.valueOf(algorithm));
        JwtConfig config = JwtConfig.of(ISSUER, AUDIENCE, key);
        tokens = AccessTokens.create(config.withCacheSize(0));
        cachedTokens = AccessTokens.create(config);
        token = tokens.issue("user-42", ROLES).value();
        JwtParserBuilder parser = key.verificationKey() instanceof PublicKey publicKey
                ? Jwts.parser().verifyWith(publicKey)
                : Jwts.parser().verifyWith((SecretKey) key.verificationKey());
        plainParser = parser.requireIssuer(ISSUER)
                .requireAudience(AUDIENCE)
                .build();
        plainToken = jjwtSign();
        if (tokens.verify(token).isEmpty() || cachedTokens.verify(token).isEmpty()) {
            throw new IllegalStateException("The benchmark token does not verify");
        }
    }

    /** Issues a token: what a login or refresh pays. */
    @Benchmark
    public String sign() {
        return tokens.issue("user-42", ROLES).value();
    }

    /** Verifies a token with every check and no cache: a client's first request with a new token. */
    @Benchmark
    public Principal verify() {
        return tokens.verify(token).orElseThrow();
    }

    /** Verifies a token the cache has seen: every later request of that client. */
    @Benchmark
    public Principal verifyCached() {
        return cachedTokens.verify(token).orElseThrow();
    }

    /** The control: jjwt signs similar claims with the same key. */
    @Benchmark
    public String jjwtSign() {
        Instant now = Instant.now();
        return Jwts.builder()
                .issuer(ISSUER)
                .audience().add(AUDIENCE).and()
                .subject("user-42")
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plusSeconds(900)))
                .claim("roles", ROLES)
                .signWith(key.signingKey()) // jjwt picks HS256 or ES256 from the key
                .compact();
    }

    /** The control: jjwt verifies the signature, iss and aud. */
    @Benchmark
    public Claims jjwtVerify() {
        return plainParser.parseSignedClaims(plainToken).getPayload();
    }
}
