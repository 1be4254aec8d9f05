package dev.mainstay.security.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Slows password guessing: refuses logins for an account or from a client address after too many
 * failures in a window, before any password is hashed, and lets no more concurrent guesses through
 * than the limit.
 *
 * <p>Both keys count: the account limit stops a distributed attack on one account, the address limit
 * stops one client trying many accounts (credential stuffing). A success resets the account's count,
 * not the address's (it only takes its own attempt back). Because the account limit can be triggered by anyone, it throttles rather than
 * locks: a window of minutes, after which the owner can log in again (ASVS 6.1.1 asks that lockout not
 * be abusable). Thread-safe if the store is.
 */
public final class LoginThrottle {
    /** Longer account names are cut to this length, bounding the memory per key. */
    private static final int MAX_KEY_LENGTH = 128;

    private final ThrottleStore store;
    private final ThrottleConfig config;
    private final Clock clock;

    /**
     * Creates a throttle over {@code store}.
     *
     * @param store where failures are counted
     * @param config the limits
     * @param clock the clock (tests move it)
     */
    public LoginThrottle(ThrottleStore store, ThrottleConfig config, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Returns a throttle that counts in this instance's memory (see {@link InMemoryThrottleStore}
     * for what that means with several instances).
     *
     * @param config the limits and capacity
     * @return the throttle
     */
    public static LoginThrottle inMemory(ThrottleConfig config) {
        return new LoginThrottle(new InMemoryThrottleStore(config.capacity()), config, Clock.systemUTC());
    }

    /**
     * Runs a login attempt under the throttle. The attempt is counted for the account and the address
     * <em>before</em> {@code login} runs, with the store's atomic increment, so N concurrent guesses
     * cannot all pass a check made before any of them failed: at most the limit of them run {@code
     * login} in a window. A success resets the account's count and takes the attempt back from the
     * address's; a failure stays counted; an exception from {@code login} (nothing was verified, e.g.
     * the hashing gate was full) takes the attempt back from both and is rethrown.
     *
     * <p>A store that throws (e.g. its database is down) refuses the login with its exception: a
     * throttle that failed open would be a free brute-force window.
     *
     * @param account the login name as typed (compared case-insensitively)
     * @param clientAddress the client's address, e.g. {@code ctx.ip()}
     * @param login the attempt; returns empty for wrong credentials
     * @param <T> what a successful login returns
     * @return the login's result
     * @throws LoginThrottledException if the account or the address is throttled; login is not run
     */
    public <T> Optional<T> attempt(String account, String clientAddress, Supplier<Optional<T>> login) {
        // A read first: while throttled, a flood costs reads only, never a write to a shared store.
        Optional<Duration> wait = retryAfter(account, clientAddress);
        if (wait.isPresent()) {
            throw new LoginThrottledException(wait.get());
        }
        String accountKey = accountKey(account);
        String addressKey = addressKey(clientAddress);
        Instant now = clock.instant();
        ThrottleWindow byAccount = store.increment(accountKey, now, config.window());
        if (byAccount.attempts() > config.accountLimit()) {
            throw throttled(now, byAccount.resetsAt());
        }
        ThrottleWindow byAddress = store.increment(addressKey, now, config.window());
        if (byAddress.attempts() > config.addressLimit()) {
            store.decrement(accountKey, now); // this attempt will not reach the password check
            throw throttled(now, byAddress.resetsAt());
        }
        Optional<T> result;
        try {
            result = login.get();
        } catch (RuntimeException e) {
            creditQuietly(accountKey, addressKey, e);
            throw e;
        }
        if (result.isPresent()) {
            store.reset(accountKey);
            store.decrement(addressKey, clock.instant());
        }
        return result;
    }

    private void creditQuietly(String accountKey, String addressKey, Throwable failure) {
        // The login already failed; a store failure here must not hide why. The count stays high,
        // which only throttles sooner.
        try {
            Instant now = clock.instant();
            store.decrement(accountKey, now);
            store.decrement(addressKey, now);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static LoginThrottledException throttled(Instant now, Instant until) {
        return new LoginThrottledException(Duration.between(now, until));
    }

    /**
     * Tells whether a login for {@code account} from {@code clientAddress} must wait, and how long.
     *
     * @param account the login name as typed
     * @param clientAddress the client's address
     * @return the wait, or empty if a login may be tried now
     */
    public Optional<Duration> retryAfter(String account, String clientAddress) {
        Instant now = clock.instant();
        ThrottleWindow byAccount = store.current(accountKey(account), now);
        ThrottleWindow byAddress = store.current(addressKey(clientAddress), now);
        Instant until = null;
        if (byAccount.attempts() >= config.accountLimit()) {
            until = byAccount.resetsAt();
        }
        if (byAddress.attempts() >= config.addressLimit()
                && (until == null || byAddress.resetsAt().isAfter(until))) {
            until = byAddress.resetsAt();
        }
        return until == null ? Optional.empty() : Optional.of(Duration.between(now, until));
    }

    /**
     * Counts a failed login for both the account and the address, for a login checked without {@link
     * #attempt} (which counts by itself).
     *
     * @param account the login name as typed
     * @param clientAddress the client's address
     */
    public void recordFailure(String account, String clientAddress) {
        Instant now = clock.instant();
        store.increment(accountKey(account), now, config.window());
        store.increment(addressKey(clientAddress), now, config.window());
    }

    /**
     * Forgets the account's failures after a successful login.
     *
     * @param account the login name as typed
     */
    public void recordSuccess(String account) {
        store.reset(accountKey(account));
    }

    private static String accountKey(String account) {
        String normalized = String.valueOf(account).strip().toLowerCase(Locale.ROOT);
        return "account:"
                + (normalized.length() > MAX_KEY_LENGTH ? normalized.substring(0, MAX_KEY_LENGTH) : normalized);
    }

    private static String addressKey(String clientAddress) {
        String address = String.valueOf(clientAddress);
        return "address:" + (address.length() > MAX_KEY_LENGTH ? address.substring(0, MAX_KEY_LENGTH) : address);
    }
}
