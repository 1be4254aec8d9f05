package dev.mainstay.security.token;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A {@link RefreshTokenStore} held in this process's memory: for tests and single-instance demos.
 *
 * <p>It is not shared between instances and forgets everything on restart, so a service with more
 * than one instance must use a shared store (mainstay-persistence has one). Memory grows with the
 * number of live tokens; call {@link #deleteExpired} periodically. Thread-safe: each operation is
 * atomic per token.
 */
public final class InMemoryRefreshTokenStore implements RefreshTokenStore {
    private final Map<String, StoredRefreshToken> tokens = new ConcurrentHashMap<>();

    /** Creates an empty store. */
    public InMemoryRefreshTokenStore() {}

    @Override
    public void save(StoredRefreshToken token) {
        if (tokens.putIfAbsent(token.tokenHash(), token) != null) {
            throw new IllegalStateException("A refresh token with this hash is already stored");
        }
    }

    @Override
    public Optional<StoredRefreshToken> find(String tokenHash) {
        return Optional.ofNullable(tokens.get(tokenHash));
    }

    @Override
    public boolean markUsed(String tokenHash, Instant at) {
        boolean[] changed = {false};
        // computeIfPresent runs atomically per key: this is the compare-and-set.
        tokens.computeIfPresent(tokenHash, (hash, token) -> {
            if (token.usedAt() != null || token.revokedAt() != null) {
                return token;
            }
            changed[0] = true;
            return with(token, at, token.revokedAt());
        });
        return changed[0];
    }

    /** {@inheritDoc} Synchronized with the revocations, so that it is atomic against them. */
    @Override
    public synchronized boolean exchange(String presentedHash, StoredRefreshToken next, Instant at) {
        if (!markUsed(presentedHash, at)) {
            revokeFamily(next.familyId(), at);
            return false;
        }
        save(next);
        return true;
    }

    @Override
    public void revokeFamily(String familyId, Instant at) {
        revokeWhere(token -> token.familyId().equals(familyId), at);
    }

    @Override
    public void revokeSubject(String subject, Instant at) {
        revokeWhere(token -> token.subject().equals(subject), at);
    }

    @Override
    public int deleteExpired(Instant now) {
        int deleted = 0;
        for (Map.Entry<String, StoredRefreshToken> entry : tokens.entrySet()) {
            // remove(key, value) counts only what this call removed, even under concurrent writes.
            if (entry.getValue().expiresAt().isBefore(now) && tokens.remove(entry.getKey(), entry.getValue())) {
                deleted++;
            }
        }
        return deleted;
    }

    private synchronized void revokeWhere(Predicate<StoredRefreshToken> selected, Instant at) {
        UnaryOperator<StoredRefreshToken> revoke =
                token -> token.revokedAt() == null ? with(token, token.usedAt(), at) : token;
        tokens.replaceAll((hash, token) -> selected.test(token) ? revoke.apply(token) : token);
    }

    private static StoredRefreshToken with(StoredRefreshToken token, Instant usedAt, Instant revokedAt) {
        return new StoredRefreshToken(
                token.tokenHash(),
                token.familyId(),
                token.subject(),
                token.issuedAt(),
                token.expiresAt(),
                usedAt,
                revokedAt,
                token.familyStartedAt());
    }
}
