package dev.mainstay.security.token;

import java.time.Instant;
import java.util.Optional;

/** A store that passes every call to another, for tests that watch or change one operation. */
class ForwardingStore implements RefreshTokenStore {
    private final RefreshTokenStore delegate;

    ForwardingStore(RefreshTokenStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public void save(StoredRefreshToken token) {
        delegate.save(token);
    }

    @Override
    public Optional<StoredRefreshToken> find(String tokenHash) {
        return delegate.find(tokenHash);
    }

    @Override
    public boolean markUsed(String tokenHash, Instant at) {
        return delegate.markUsed(tokenHash, at);
    }

    @Override
    public void revokeFamily(String familyId, Instant at) {
        delegate.revokeFamily(familyId, at);
    }

    @Override
    public void revokeSubject(String subject, Instant at) {
        delegate.revokeSubject(subject, at);
    }

    @Override
    public int deleteExpired(Instant now) {
        return delegate.deleteExpired(now);
    }
}
