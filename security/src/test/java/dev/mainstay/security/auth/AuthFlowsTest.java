package dev.mainstay.security.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.security.Principal;
import dev.mainstay.security.password.PasswordConfig;
import dev.mainstay.security.password.PasswordHasher;
import dev.mainstay.security.password.PasswordRejectedException;
import dev.mainstay.security.throttle.InMemoryThrottleStore;
import dev.mainstay.security.throttle.LoginThrottle;
import dev.mainstay.security.throttle.LoginThrottledException;
import dev.mainstay.security.throttle.ThrottleConfig;
import dev.mainstay.security.token.AccessTokens;
import dev.mainstay.security.token.InMemoryRefreshTokenStore;
import dev.mainstay.security.token.JwtAlgorithm;
import dev.mainstay.security.token.JwtConfig;
import dev.mainstay.security.token.JwtKey;
import dev.mainstay.security.token.RefreshTokens;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Every flow against real services: bcrypt at the lowest allowed cost, in-memory stores. */
class AuthFlowsTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final int LOW_COST = PasswordConfig.COST.min();
    private static final int REGISTER_LIMIT = 4;

    record User(String id, String email, String hash, Set<String> roles) {}

    /** The app's side: a map of users by e-mail, recording every hash upgrade. */
    static final class Users implements AccountStore<User> {
        final Map<String, User> byEmail = new ConcurrentHashMap<>();
        final List<String> savedHashes = new ArrayList<>();

        Optional<User> insertIfAbsent(String email, String hash) {
            User user = new User(UUID.randomUUID().toString(), email, hash, Set.of("user"));
            return byEmail.putIfAbsent(email, user) == null ? Optional.of(user) : Optional.empty();
        }

        @Override
        public Optional<User> findByLogin(String login) {
            return Optional.ofNullable(byEmail.get(login));
        }

        @Override
        public Optional<User> findBySubject(String subject) {
            return byEmail.values().stream().filter(u -> u.id().equals(subject)).findFirst();
        }

        @Override
        public String subject(User user) {
            return user.id();
        }

        @Override
        public String passwordHash(User user) {
            return user.hash();
        }

        @Override
        public Set<String> roles(User user) {
            return user.roles();
        }

        @Override
        public void savePasswordHash(User user, String newHash) {
            savedHashes.add(newHash);
            byEmail.put(user.email(), new User(user.id(), user.email(), newHash, user.roles()));
        }
    }

    /** Counts the hashes made, to show that a taken login costs a hash too. */
    static final class CountingHasher implements PasswordHasher {
        final PasswordHasher real;
        final AtomicInteger hashes = new AtomicInteger();

        CountingHasher(int cost) {
            real = PasswordHasher.bcrypt(cost);
        }

        @Override
        public String hash(String password) {
            hashes.incrementAndGet();
            return real.hash(password);
        }

        @Override
        public boolean verify(String password, String hash) {
            return real.verify(password, hash);
        }

        @Override
        public boolean needsRehash(String hash) {
            return real.needsRehash(hash);
        }
    }

    private final Users users = new Users();
    private final CountingHasher hasher = new CountingHasher(LOW_COST);
    private final AccessTokens accessTokens =
            AccessTokens.create(JwtConfig.of("test", "test", JwtKey.generate("k1", JwtAlgorithm.HS256)));
    private final InMemoryRefreshTokenStore refreshStore = new InMemoryRefreshTokenStore();
    private final AuthFlows<User> auth = flows(hasher, new ThrottleConfig(3, 100, Duration.ofMinutes(15), 1000));

    private AuthFlows<User> flows(PasswordHasher with, ThrottleConfig throttle) {
        return AuthFlows.builder(users)
                .passwords(with, PasswordConfig.defaults().withCost(LOW_COST).policy())
                .throttle(new LoginThrottle(new InMemoryThrottleStore(1000), throttle, Clock.systemUTC()))
                .registrationThrottle(AuthFlows.registrationThrottle(REGISTER_LIMIT, Duration.ofMinutes(15)))
                .accessTokens(accessTokens)
                .refreshTokens(RefreshTokens.create(refreshStore, Duration.ofDays(1)))
                .build();
    }

    private User registered(String email) {
        return auth.register(PASSWORD, "10.0.0.1", hash -> users.insertIfAbsent(email, hash));
    }

    @Test
    void registerStoresAHashThatVerifiesThePassword() {
        User user = registered("ann@example.com");
        assertEquals(user, users.byEmail.get("ann@example.com"));
        assertNotEquals(PASSWORD, user.hash());
        assertTrue(hasher.verify(PASSWORD, user.hash()));
    }

    @Test
    void registerOfATakenLoginIsADuplicateAfterTheSameHashingWork() {
        registered("ann@example.com");
        int before = hasher.hashes.get();
        assertThrows(DuplicateAccountException.class, () -> registered("ann@example.com"));
        assertEquals(before + 1, hasher.hashes.get(), "a taken login must cost a hash, like a new one");
        assertEquals(1, users.byEmail.size());
    }

    @Test
    void registerIsThrottledPerClientAddressBeforeAnyHashing() {
        for (int i = 0; i < REGISTER_LIMIT; i++) {
            String email = "user" + i + "@example.com";
            auth.register(PASSWORD, "10.0.0.7", hash -> users.insertIfAbsent(email, hash));
        }
        int hashesBefore = hasher.hashes.get();
        AtomicInteger creates = new AtomicInteger();
        LoginThrottledException e = assertThrows(
                LoginThrottledException.class, () -> auth.register(PASSWORD, "10.0.0.7", hash -> {
                    creates.incrementAndGet();
                    return users.insertIfAbsent("one-more@example.com", hash);
                }));
        assertTrue(e.retryAfter().compareTo(Duration.ZERO) > 0);
        assertEquals(hashesBefore, hasher.hashes.get(), "a throttled registration costs no hash");
        assertEquals(0, creates.get());
        auth.register(PASSWORD, "10.0.0.8", hash -> users.insertIfAbsent("other@example.com", hash));
    }

    @Test
    void duplicateRegistrationsCountTowardsTheAddressLimitToo() {
        registered("ann@example.com");
        for (int i = 1; i < REGISTER_LIMIT; i++) {
            assertThrows(DuplicateAccountException.class, () -> registered("ann@example.com"));
        }
        assertThrows(LoginThrottledException.class, () -> registered("ann@example.com"));
    }

    @Test
    void registerRefusesAWeakPasswordBeforeHashingOrCreating() {
        AtomicInteger creates = new AtomicInteger();
        PasswordRejectedException e = assertThrows(PasswordRejectedException.class, () -> auth.register("short", "10.0.0.1", hash -> {
            creates.incrementAndGet();
            return Optional.empty();
        }));
        assertEquals(PasswordRejectedException.Reason.TOO_SHORT, e.reason());
        assertThrows(PasswordRejectedException.class, () -> auth.register("password1234", "10.0.0.1", hash -> Optional.empty()));
        assertEquals(0, creates.get());
        assertEquals(0, hasher.hashes.get());
    }

    @Test
    void loginOpensASessionWhoseAccessTokenNamesTheUserAndItsRoles() {
        User user = registered("ann@example.com");
        Session<User> session = auth.login("ann@example.com", PASSWORD, "10.0.0.1").orElseThrow();
        assertEquals(user, session.user());
        TokenPair tokens = session.tokens();
        assertEquals("Bearer", tokens.tokenType());
        assertTrue(tokens.expiresIn() > 14 * 60 && tokens.expiresIn() <= 15 * 60, "expiresIn " + tokens.expiresIn());
        Principal principal = accessTokens.verify(tokens.accessToken()).orElseThrow();
        assertEquals(new Principal(user.id(), Set.of("user")), principal);
        assertTrue(auth.refresh(tokens.refreshToken()).isPresent(), "the refresh token is live");
        assertFalse(tokens.toString().contains(tokens.accessToken()));
        assertFalse(tokens.toString().contains(tokens.refreshToken()));
    }

    @Test
    void aWrongPasswordAndAnUnknownUserAreBothEmpty() {
        registered("ann@example.com");
        assertEquals(Optional.empty(), auth.login("ann@example.com", "not the password at all", "10.0.0.1"));
        assertEquals(Optional.empty(), auth.login("bob@example.com", PASSWORD, "10.0.0.1"));
        assertTrue(refreshStoreIsEmpty(), "no session may be opened");
    }

    @Test
    void loginIsThrottledAfterTooManyFailuresEvenWithTheRightPassword() {
        registered("ann@example.com");
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), auth.login("ann@example.com", "wrong password " + i, "10.0.0." + i));
        }
        int hashesBefore = hasher.hashes.get();
        LoginThrottledException e = assertThrows(
                LoginThrottledException.class, () -> auth.login("ann@example.com", PASSWORD, "10.0.0.9"));
        assertTrue(e.retryAfter().compareTo(Duration.ZERO) > 0);
        assertEquals(hashesBefore, hasher.hashes.get());
    }

    @Test
    void loginSavesAnUpgradedHashWhenTheCostWasRaised() {
        String oldHash = registered("ann@example.com").hash();
        AuthFlows<User> raised = flows(PasswordHasher.bcrypt(LOW_COST + 1), ThrottleConfig.defaults());

        Session<User> session = raised.login("ann@example.com", PASSWORD, "10.0.0.1").orElseThrow();

        assertEquals(1, users.savedHashes.size());
        String newHash = users.byEmail.get("ann@example.com").hash();
        assertNotEquals(oldHash, newHash);
        assertTrue(newHash.startsWith("$2a$" + (LOW_COST + 1) + "$"), newHash);
        assertTrue(PasswordHasher.bcrypt(LOW_COST + 1).verify(PASSWORD, newHash));
        assertEquals(session.user().id(), users.byEmail.get("ann@example.com").id());
        raised.login("ann@example.com", PASSWORD, "10.0.0.1").orElseThrow();
        assertEquals(1, users.savedHashes.size(), "an up-to-date hash is not saved again");
    }

    @Test
    void refreshRotatesAndTheUsedTokenNoLongerWorks() {
        registered("ann@example.com");
        TokenPair first = auth.login("ann@example.com", PASSWORD, "10.0.0.1").orElseThrow().tokens();
        TokenPair second = auth.refresh(first.refreshToken()).orElseThrow().tokens();
        assertNotEquals(first.refreshToken(), second.refreshToken());
        assertTrue(accessTokens.verify(second.accessToken()).isPresent());
        assertTrue(auth.refresh(second.refreshToken()).isPresent());
    }

    @Test
    void reusingARefreshTokenRevokesTheWholeFamily() {
        registered("ann@example.com");
        TokenPair first = auth.login("ann@example.com", PASSWORD, "10.0.0.1").orElseThrow().tokens();
        TokenPair second = auth.refresh(first.refreshToken()).orElseThrow().tokens();

        assertEquals(Optional.empty(), auth.refresh(first.refreshToken()), "reuse");
        assertEquals(Optional.empty(), auth.refresh(second.refreshToken()), "the thief's or the user's copy dies too");
    }

    @Test
    void refreshOfAUserWhoWasDeletedFailsAndEndsItsSessions() {
        registered("ann@example.com");
        TokenPair one = auth.login("ann@example.com", PASSWORD, "10.0.0.1").orElseThrow().tokens();
        TokenPair other = auth.login("ann@example.com", PASSWORD, "10.0.0.1").orElseThrow().tokens();
        users.byEmail.clear();
        assertEquals(Optional.empty(), auth.refresh(one.refreshToken()));
        users.insertIfAbsent("ann@example.com", "x"); // a new account, another id
        assertEquals(Optional.empty(), auth.refresh(other.refreshToken()));
    }

    @Test
    void logoutRevokesTheCallersOwnSessionOnly() {
        User ann = registered("ann@example.com");
        TokenPair annSession = auth.login("ann@example.com", PASSWORD, "10.0.0.1").orElseThrow().tokens();
        TokenPair annOther = auth.login("ann@example.com", PASSWORD, "10.0.0.1").orElseThrow().tokens();

        auth.logout(ann.id(), annSession.refreshToken());

        assertEquals(Optional.empty(), auth.refresh(annSession.refreshToken()));
        assertTrue(auth.refresh(annOther.refreshToken()).isPresent(), "another session of the same user lives on");
    }

    @Test
    void logoutWithSomeoneElsesTokenChangesNothing() {
        registered("ann@example.com");
        User bob = auth.register(PASSWORD, "10.0.0.2", hash -> users.insertIfAbsent("bob@example.com", hash));
        TokenPair annSession = auth.login("ann@example.com", PASSWORD, "10.0.0.1").orElseThrow().tokens();

        auth.logout(bob.id(), annSession.refreshToken());
        auth.logout(bob.id(), "not-a-token");
        auth.logout(bob.id(), null);

        assertTrue(auth.refresh(annSession.refreshToken()).isPresent());
    }

    @Test
    void withoutRefreshTokensLoginGivesAnAccessTokenOnly() {
        registered("ann@example.com");
        AuthFlows<User> accessOnly = AuthFlows.builder(users)
                .passwords(hasher, PasswordConfig.defaults().withCost(LOW_COST).policy())
                .throttle(LoginThrottle.inMemory(ThrottleConfig.defaults()))
                .accessTokens(accessTokens)
                .tokenType("Token")
                .build();
        TokenPair tokens = accessOnly.login("ann@example.com", PASSWORD, "10.0.0.1").orElseThrow().tokens();
        assertNull(tokens.refreshToken());
        assertEquals("Token", tokens.tokenType());
        assertTrue(accessTokens.verify(tokens.accessToken()).isPresent());
        assertThrows(IllegalStateException.class, () -> accessOnly.refresh("x"));
        assertThrows(IllegalStateException.class, () -> accessOnly.logout("someone", "x"));
    }

    @Test
    void buildingWithoutARequiredServiceNamesIt() {
        NullPointerException e =
                assertThrows(NullPointerException.class, () -> AuthFlows.builder(users).build());
        assertEquals("hasher", e.getMessage());
    }

    private boolean refreshStoreIsEmpty() {
        return refreshStore.deleteExpired(java.time.Instant.MAX) == 0;
    }
}
