package dev.mainstay.security.token;

import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.UnsupportedJwtException;
import java.security.Key;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed table of verification keys, as jjwt's key locator: it checks the token header against
 * the table before jjwt uses any key.
 *
 * <p>The header must name a known {@code kid}, the exact algorithm pinned to that key (so an HS256
 * token is never checked with an RSA public key as HMAC secret, nor HS256 against an HS512 key), the
 * required {@code typ} if one is set, and no compression. Keys named by the token itself
 * ({@code jwk}, {@code jku}, {@code x5u}, {@code x5c}) are never used. Immutable and thread-safe.
 */
final class KeyTable extends LocatorAdapter<Key> {
    private final Map<String, JwtKey> byKid = new LinkedHashMap<>();
    private final String requiredType;

    /**
     * @param keys the keys, each kid once
     * @param requiredType the media type the {@code typ} header must name (e.g. {@code at+jwt}), or
     *     null to skip that check
     */
    KeyTable(List<JwtKey> keys, String requiredType) {
        for (JwtKey key : keys) {
            if (byKid.putIfAbsent(key.kid(), key) != null) {
                throw new IllegalArgumentException("Two JWT keys have the kid '" + key.kid() + "'; each needs its own");
            }
        }
        this.requiredType = requiredType;
    }

    List<JwtKey> keys() {
        return List.copyOf(byKid.values());
    }

    @Override
    protected Key locate(JwsHeader header) {
        JwtKey key = header.getKeyId() == null ? null : byKid.get(header.getKeyId());
        if (key == null) {
            throw new UnsupportedJwtException("The token's kid is missing or not in the key table");
        }
        if (!key.algorithm().id().equals(header.getAlgorithm())) {
            throw new UnsupportedJwtException("The token's alg is not the one pinned to its kid");
        }
        if (requiredType != null && !isRequiredType(header.getType())) {
            throw new UnsupportedJwtException("The token's typ is not " + requiredType);
        }
        if (header.getCompressionAlgorithm() != null) {
            throw new UnsupportedJwtException("Compressed tokens are not accepted");
        }
        return key.verificationKey();
    }

    private boolean isRequiredType(String type) {
        // RFC 7515 4.1.9: "application/" may be omitted, and media types compare case-insensitively.
        return type != null
                && (type.equalsIgnoreCase(requiredType) || type.equalsIgnoreCase("application/" + requiredType));
    }
}
