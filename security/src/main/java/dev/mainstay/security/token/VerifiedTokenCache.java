package dev.mainstay.security.token;

import dev.mainstay.security.Principal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers recently verified access tokens, so a client that sends the same token on every request
 * pays the signature check once per {@code ttl} instead of on every request.
 *
 * <p>Why this is safe: the key is the exact token string, and only canonical tokens reach it (see
 * {@link CompactJws}), so changing any byte of a token misses the cache and gets a full check. Only
 * tokens that passed every check are stored, and an entry dies at the token's {@code exp} (without
 * skew) or after {@code ttl}, whichever is first. The key table cannot change while the process runs,
 * so nothing that made the token valid can change under the entry. The one thing that can change, the
 * subject's {@link TokenRevocations} instant, is checked against the entry's {@code iat} on every hit,
 * so the cache adds no revocation gap.
 *
 * <p>Bounded: when full it drops expired entries (at most once a second) and otherwise stops adding,
 * so a flood of distinct valid tokens costs memory only up to {@code capacity}. Thread-safe.
 */
final class VerifiedTokenCache {
    /** A remembered token: whom it names, when it was issued (for revocation checks) and until when it is kept. */
    record Entry(Principal principal, long issuedAtSeconds, long expiresAtMillis) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final int capacity;
    private final long ttlMillis;
    private volatile long lastPurgeMillis;

    VerifiedTokenCache(int capacity, long ttlMillis) {
        this.capacity = capacity;
        this.ttlMillis = ttlMillis;
    }

    /** Returns a remembered, unexpired token's entry, or null. */
    Entry get(String token, long nowMillis) {
        Entry entry = entries.get(token);
        if (entry == null) {
            return null;
        }
        if (nowMillis >= entry.expiresAtMillis()) {
            entries.remove(token, entry);
            return null;
        }
        return entry;
    }

    /** Remembers a verified token until its expiry or the ttl, if there is room. */
    void put(String token, Principal principal, long issuedAtSeconds, long expMillis, long nowMillis) {
        if (entries.size() >= capacity && !purgeExpired(nowMillis)) {
            return;
        }
        entries.put(token, new Entry(principal, issuedAtSeconds, Math.min(expMillis, nowMillis + ttlMillis)));
    }

    int size() {
        return entries.size();
    }

    private boolean purgeExpired(long nowMillis) {
        if (nowMillis - lastPurgeMillis >= 1000) {
            lastPurgeMillis = nowMillis;
            entries.values().removeIf(entry -> nowMillis >= entry.expiresAtMillis());
        }
        return entries.size() < capacity;
    }
}
