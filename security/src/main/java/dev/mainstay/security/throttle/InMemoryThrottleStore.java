package dev.mainstay.security.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link ThrottleStore} in this process's memory with a fixed capacity, evicting the least recently
 * used key when full, so attackers cycling through names or addresses cannot grow it.
 *
 * <p>Limits are per instance: behind a load balancer with N instances an attacker gets up to N times
 * the limit; share one store, such as mainstay-persistence's {@code DatabaseThrottleStore}, to enforce
 * one limit across them. Eviction makes it lenient under a flood of more distinct keys than {@code capacity}
 * within one window (a key may be forgotten and start again at 0); size it above the number of
 * distinct accounts and addresses you expect to fail logins per window. Each key costs about 150
 * bytes. Thread-safe (one lock; logins are rare next to hashing, which dominates their cost).
 */
public final class InMemoryThrottleStore implements ThrottleStore {
    private static final class Counter {
        int attempts;
        long resetsAtMillis;
    }

    private final Map<String, Counter> counters;

    /**
     * Creates an empty store.
     *
     * @param capacity the most keys kept at once, at least 1
     */
    public InMemoryThrottleStore(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("security.throttle.capacity must be at least 1, not " + capacity);
        }
        this.counters = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Counter> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public synchronized ThrottleWindow current(String key, Instant now) {
        Counter counter = counters.get(key);
        if (counter == null || now.toEpochMilli() >= counter.resetsAtMillis) {
            return new ThrottleWindow(0, now);
        }
        return new ThrottleWindow(counter.attempts, Instant.ofEpochMilli(counter.resetsAtMillis));
    }

    @Override
    public synchronized ThrottleWindow increment(String key, Instant now, Duration window) {
        Counter counter = counters.computeIfAbsent(key, k -> new Counter());
        if (now.toEpochMilli() >= counter.resetsAtMillis) {
            counter.attempts = 0;
            counter.resetsAtMillis = now.plus(window).toEpochMilli();
        }
        // Saturate rather than wrap: a flood of 2^31 attempts in one window must not reset the count.
        if (counter.attempts < Integer.MAX_VALUE) {
            counter.attempts++;
        }
        return new ThrottleWindow(counter.attempts, Instant.ofEpochMilli(counter.resetsAtMillis));
    }

    @Override
    public synchronized void decrement(String key, Instant now) {
        Counter counter = counters.get(key);
        if (counter != null && now.toEpochMilli() < counter.resetsAtMillis && counter.attempts > 0) {
            counter.attempts--;
        }
    }

    @Override
    public synchronized void reset(String key) {
        counters.remove(key);
    }

    @Override
    public synchronized int deleteExpired(Instant now) {
        int before = counters.size();
        counters.values().removeIf(counter -> now.toEpochMilli() >= counter.resetsAtMillis);
        return before - counters.size();
    }

    /** Returns how many keys are held; for tests and metrics. */
    synchronized int size() {
        return counters.size();
    }
}
