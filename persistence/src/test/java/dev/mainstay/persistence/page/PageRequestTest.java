package dev.mainstay.persistence.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void clampsTheLimitAndDefaultsIt() {
        assertEquals(20, PageRequest.of(null, null).limit());
        assertEquals(100, PageRequest.of(5_000, null).limit());
        assertEquals(1, PageRequest.of(0, null).limit());
        assertEquals(1, PageRequest.of(-7, null).limit());
        assertEquals(42, PageRequest.of(42, null).limit());
    }

    @Test
    void treatsABlankCursorAsTheFirstPage() {
        assertNull(PageRequest.of(10, "  ").cursor());
    }

    @Test
    void parsesQueryParameters() {
        assertEquals(new PageRequest(15, "abc"), PageRequest.parse("15", "abc"));
        assertEquals(new PageRequest(20, null), PageRequest.parse(null, null));
        assertEquals(new PageRequest(20, null), PageRequest.parse("", null));
        assertEquals(new PageRequest(7, null), PageRequest.parse("007", null));
        assertEquals(new PageRequest(100, null), PageRequest.parse("999999999", null), "clamped");
    }

    @Test
    void acceptsAsciiDigitsOnlyAndNamesTheLimitParameter() {
        for (String bad : new String[] {
            "ten", "+5", "-0", "-5", " 15 ", "1 5", "5.0", "1e2", "0x10",
            "\u0665", // ARABIC-INDIC DIGIT FIVE: Integer.parseInt reads it as 5
            "\uFF15", // FULLWIDTH DIGIT FIVE
            "1234567890", // past nine digits, refused rather than overflowing
            "99999999999999999999"
        }) {
            InvalidPageRequestException e =
                    assertThrows(InvalidPageRequestException.class, () -> PageRequest.parse(bad, null), bad);
            assertEquals("limit", e.parameter(), bad);
            assertEquals("must be a whole number from 1 to 100", e.getMessage(), bad);
        }
    }

    @Test
    void theCanonicalConstructorRefusesWhatOfWouldClamp() {
        assertThrows(IllegalArgumentException.class, () -> new PageRequest(101, null));
    }
}
