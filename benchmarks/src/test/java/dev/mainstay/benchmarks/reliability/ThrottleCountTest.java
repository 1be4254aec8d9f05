package dev.mainstay.benchmarks.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThrottleCountTest {
    private static ThrottleCount count(int max, Integer... statuses) throws Exception {
        Iterator<Integer> answers = List.of(statuses).iterator();
        return ThrottleCount.until429(max, answers::next);
    }

    @Test
    void sharedThrottleStopsAtTheLimit() throws Exception {
        ThrottleCount count = count(16, 401, 401, 401, 401, 401, 429);
        assertEquals(new ThrottleCount(5, 429, 6), count);
        assertTrue(count.limitedAt(5));
        assertEquals("5 answered 401, then 429", count.describe());
    }

    @Test
    void perInstanceThrottleLetsMoreThroughAndFails() throws Exception {
        Integer[] fifteen = new Integer[16];
        java.util.Arrays.fill(fifteen, 401);
        fifteen[15] = 429;
        ThrottleCount count = count(16, fifteen);
        assertEquals(15, count.unauthorized());
        assertFalse(count.limitedAt(5));
    }

    @Test
    void anotherStatusOrNoneIsAFailure() throws Exception {
        assertFalse(count(16, 401, 401, 503).limitedAt(2));
        ThrottleCount never = count(3, 401, 401, 401);
        assertEquals(new ThrottleCount(3, 0, 3), never);
        assertFalse(never.limitedAt(3));
        assertEquals("3 answered 401, then no other status in 3 attempts", never.describe());
    }
}
