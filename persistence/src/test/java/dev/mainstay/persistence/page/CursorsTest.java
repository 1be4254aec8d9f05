package dev.mainstay.persistence.page;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class CursorsTest {

    @Test
    void roundTripsKeysetValuesIncludingNullsAndUnicode() {
        String cursor = Cursors.keyset(42, Arrays.asList("2026-01-01T10:00:00.123", null, "Zoë 🚀"));
        assertArrayEquals(new String[] {"2026-01-01T10:00:00.123", null, "Zoë 🚀"}, Cursors.readKeyset(cursor, 42, 3));
    }

    @Test
    void isUrlSafeWithoutPadding() {
        String cursor = Cursors.keyset(7, List.of("a/b+c=d?"));
        assertTrue(cursor.matches("[A-Za-z0-9_-]+"), cursor);
    }

    @Test
    void roundTripsOffsets() {
        assertEquals(120, Cursors.readOffset(Cursors.offset(120)));
    }

    @Test
    void refusesCursorsOfAnotherListing() {
        String cursor = Cursors.keyset(42, List.of("1"));
        assertMalformed(() -> Cursors.readKeyset(cursor, 43, 1));
        assertMalformed(() -> Cursors.readKeyset(cursor, 42, 2));
        assertMalformed(() -> Cursors.readOffset(cursor));
        assertMalformed(() -> Cursors.readKeyset(Cursors.offset(3), 42, 1));
    }

    @Test
    void refusesGarbageTruncationTrailingBytesAndOtherVersions() {
        String cursor = Cursors.keyset(42, List.of("1"));
        byte[] bytes = Base64.getUrlDecoder().decode(cursor);
        assertMalformed(() -> Cursors.readKeyset("not base64 at all!", 42, 1));
        assertMalformed(() -> Cursors.readKeyset(cursor.substring(0, cursor.length() - 3), 42, 1));
        assertMalformed(() -> Cursors.readKeyset(cursor + "AA", 42, 1));
        bytes[0] = 9;
        String otherVersion = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assertMalformed(() -> Cursors.readKeyset(otherVersion, 42, 1));
        assertMalformed(() -> Cursors.readKeyset("A".repeat(5000), 42, 1));
        assertMalformed(
                () -> Cursors.readOffset(Base64.getUrlEncoder().encodeToString(new byte[] {1, 'O', -1, -1, -1, -1})));
    }

    private static void assertMalformed(Runnable read) {
        InvalidPageRequestException e = assertThrows(InvalidPageRequestException.class, read::run);
        assertEquals("cursor", e.parameter());
    }
}
