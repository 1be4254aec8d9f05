package dev.mainstay.security.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryThrottleStoreTest {
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(1);

    @Test
    void countsFailuresInAFixedWindowAndStartsAgainAfterIt() {
        InMemoryThrottleStore store = new InMemoryThrottleStore(10);
        store.increment("k", NOW, WINDOW);
        store.increment("k", NOW.plusSeconds(30), WINDOW);
        assertEquals(new ThrottleWindow(2, NOW.plus(WINDOW)), store.current("k", NOW.plusSeconds(59)));
        assertEquals(0, store.current("k", NOW.plus(WINDOW)).attempts());
        assertEquals(
                new ThrottleWindow(1, NOW.plusSeconds(130)), store.increment("k", NOW.plusSeconds(70), WINDOW));
    }

    @Test
    void neverHoldsMoreKeysThanItsCapacityWhateverTheAttackerSends() {
        InMemoryThrottleStore store = new InMemoryThrottleStore(100);
        for (int i = 0; i < 100_000; i++) {
            store.increment("address:10.0." + (i >> 8) + "." + (i & 255), NOW, WINDOW);
        }
        assertEquals(100, store.size());
    }

    @Test
    void keepsRecentlyUsedKeysWhenEvicting() {
        InMemoryThrottleStore store = new InMemoryThrottleStore(2);
        store.increment("old", NOW, WINDOW);
        store.increment("hot", NOW, WINDOW);
        store.current("old", NOW); // touch: "hot" is now the least recently used
        store.increment("new", NOW, WINDOW);
        assertEquals(1, store.current("old", NOW).attempts());
        assertEquals(0, store.current("hot", NOW).attempts());
    }

    @Test
    void forgetsAKeyOnReset() {
        InMemoryThrottleStore store = new InMemoryThrottleStore(10);
        store.increment("k", NOW, WINDOW);
        store.reset("k");
        assertEquals(0, store.current("k", NOW).attempts());
    }

    @Test
    void refusesAZeroCapacity() {
        assertThrows(IllegalArgumentException.class, () -> new InMemoryThrottleStore(0));
    }
}
