package dev.mainstay.test.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestDatabaseTest {
    private static final String URL = "jdbc:postgresql://db:5432/test?user=ci&password=s3cret&currentSchema=mst_1";

    @Test
    void readsTheCredentialsFromTheUrlAndCanLeaveThemOut() {
        TestDatabase db = new TestDatabase(DatabaseServer.POSTGRESQL, URL, () -> {});

        assertEquals("ci", db.user());
        assertEquals("s3cret", db.password());
        assertEquals("jdbc:postgresql://db:5432/test?currentSchema=mst_1", db.urlWithoutCredentials());
        assertEquals(Map.of("db.url", URL), db.config());
        assertFalse(db.toString().contains("s3cret"), db.toString());
    }

    @Test
    void closesWhatItManagesLatestFirstThenDropsOnce() {
        List<String> events = new ArrayList<>();
        TestDatabase db = new TestDatabase(DatabaseServer.H2, "jdbc:h2:mem:x", () -> events.add("drop"));
        db.manage(() -> events.add("pool"));
        db.manage(() -> events.add("connection"));

        db.close();
        db.close();

        assertEquals(List.of("connection", "pool", "drop"), events);
        assertThrows(IllegalStateException.class, () -> db.manage(() -> {}));
        assertTrue(new TestDatabase(DatabaseServer.H2, "jdbc:h2:mem:y", () -> {})
                .user()
                .isEmpty());
    }
}
