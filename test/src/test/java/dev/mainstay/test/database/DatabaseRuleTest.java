package dev.mainstay.test.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.test.database.DatabaseServer.Availability;
import dev.mainstay.test.database.DatabaseServer.Availability.Decision;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The one rule for finding test databases, decided on a given environment instead of the real one. */
class DatabaseRuleTest {

    @Test
    void failsUnderCiWhenTheUrlPointsToAClosedPort() throws IOException {
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/test?user=postgres";
        Availability availability =
                DatabaseServer.POSTGRESQL.availability(Map.of("MAINSTAY_TEST_POSTGRES_URL", url, "CI", "true"));

        assertEquals(Decision.FAIL, availability.decision());
        assertTrue(availability.reason().contains("MAINSTAY_TEST_POSTGRES_URL"), availability.reason());
        assertThrows(AssertionFailedError.class, availability::apply);
    }

    @Test
    void skipsOutsideCiWhenTheUrlPointsToAClosedPort() throws IOException {
        String url = "jdbc:mariadb://127.0.0.1:" + closedPort() + "/test?user=root&password=hunter2";
        Availability availability =
                DatabaseServer.MARIADB.availability(Map.of("MAINSTAY_TEST_MARIADB_URL", url, "CI", "false"));

        assertEquals(Decision.SKIP, availability.decision());
        assertTrue(availability.reason().contains("password=****"), availability.reason());
        assertTrue(!availability.reason().contains("hunter2"), availability.reason());
        assertThrows(TestAbortedException.class, availability::apply);
    }

    @Test
    void h2IsAlwaysThere() {
        Availability availability = DatabaseServer.H2.availability(Map.of("CI", "true"));

        assertEquals(Decision.USE, availability.decision());
        assertNull(availability.reason());
    }

    @Test
    void theVariableWinsOverTheLocalDefault() {
        assertEquals("MAINSTAY_TEST_POSTGRES_URL", DatabaseServer.POSTGRESQL.variable());
        assertTrue(System.getenv("MAINSTAY_TEST_POSTGRES_URL") != null
                || DatabaseServer.POSTGRESQL.serverUrl().equals("jdbc:postgresql://127.0.0.1:5432/test?user=postgres"));
        assertTrue(System.getenv("MAINSTAY_TEST_MARIADB_URL") != null
                || DatabaseServer.MARIADB.serverUrl().equals("jdbc:mariadb://127.0.0.1:3306/test?user=root"));
    }

    /** A port that was free a moment ago: nothing listens there. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
