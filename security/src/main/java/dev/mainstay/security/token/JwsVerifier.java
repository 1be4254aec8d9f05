package dev.mainstay.security.token;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.JwtParserBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.MalformedJwtException;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Verifies compact JWS strings against a {@link KeyTable}: strict syntax first, then jjwt restricted
 * to the table's algorithms, with no compression and no JWE.
 *
 * <p>The one verification path of this module: {@link AccessTokens} adds its claim rules, and the
 * Wycheproof vector test runs the same path without them. Immutable and thread-safe.
 */
final class JwsVerifier {
    private final JwtParser parser;

    /**
     * @param keys the key table
     * @param requiredType the required {@code typ}, or null
     * @param claimRules adds claim checks (issuer, audience, clock) to the parser builder
     */
    JwsVerifier(List<JwtKey> keys, String requiredType, UnaryOperator<JwtParserBuilder> claimRules) {
        KeyTable table = new KeyTable(keys, requiredType);
        JwtParserBuilder builder = Jwts.parser().keyLocator(table);
        // Allowlist: only the algorithms pinned in the table are known to this parser at all.
        builder.sig()
                .clear()
                .add(table.keys().stream().map(key -> key.algorithm().jjwt()).toList())
                .and();
        builder.zip().clear().and();
        builder.enc().clear().and();
        builder.key().clear().and();
        this.parser = claimRules.apply(builder).build();
    }

    /**
     * Verifies a signed JWT and returns its claims; claim rules apply.
     *
     * @throws JwtException if the token is malformed, not canonical, or fails any check
     */
    Jws<Claims> claims(String token) {
        requireCanonical(token);
        return parser.parseSignedClaims(token);
    }

    /**
     * Verifies a JWS with any payload; claim rules do not apply to non-JSON payloads.
     *
     * @throws JwtException if the token is malformed, not canonical, or fails any check
     */
    Jws<byte[]> content(String token) {
        requireCanonical(token);
        return parser.parseSignedContent(token);
    }

    private static void requireCanonical(String token) {
        if (!CompactJws.isCanonical(token)) {
            throw new MalformedJwtException("Not a canonical compact JWS");
        }
    }
}
