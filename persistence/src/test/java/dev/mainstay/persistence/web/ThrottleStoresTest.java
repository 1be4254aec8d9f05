package dev.mainstay.persistence.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.persistence.Database;
import dev.mainstay.persistence.security.DatabaseThrottleStore;
import dev.mainstay.security.throttle.InMemoryThrottleStore;
import dev.mainstay.security.throttle.ThrottleStore;
import dev.mainstay.test.MainstayTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@code security.throttle.store} chooses the store; the default is memory, a typo stops the start. */
class ThrottleStoresTest {
    private static ThrottleStore storeWith(Map<String, String> config) {
        AtomicReference<ThrottleStore> store = new AtomicReference<>();
        MainstayTest.run(
                config,
                setup -> {
                    Database db = MainstayPersistence.install(setup);
                    store.set(MainstayPersistence.throttleStore(setup, db));
                },
                (app, client) -> {});
        return store.get();
    }

    @Test
    void countsInMemoryByDefault() {
        assertInstanceOf(InMemoryThrottleStore.class, storeWith(Map.of()));
    }

    @Test
    void countsInTheDatabaseWhenAsked() {
        AtomicReference<ThrottleStore> store = new AtomicReference<>();
        MainstayTest.run(
                Map.of("security.throttle.store", "database"),
                setup -> {
                    Database db = MainstayPersistence.install(setup);
                    store.set(MainstayPersistence.throttleStore(setup, db));
                },
                (app, client) -> {
                    assertInstanceOf(DatabaseThrottleStore.class, store.get());
                    Instant now = Instant.now();
                    store.get().increment("account:ada", now, Duration.ofMinutes(1));
                    assertEquals(2, store.get().increment("account:ada", now, Duration.ofMinutes(1)).attempts());
                });
    }

    @Test
    void refusesAnUnknownStoreNamingTheKeyAndTheChoices() {
        RuntimeException e =
                assertThrows(RuntimeException.class, () -> storeWith(Map.of("security.throttle.store", "redis")));
        assertTrue(e.getMessage().contains("security.throttle.store"), e.getMessage());
        assertTrue(e.getMessage().contains("memory, database"), e.getMessage());
    }
}
