package ${package}.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EmailTest {

    @Test
    void normalizesToTrimmedLowerCase() {
        assertEquals("ada@example.com", Email.normalize("  Ada@Example.COM "));
    }

    @Test
    void keepsNullAsNull() {
        assertNull(Email.normalize(null));
    }

    @Test
    void acceptsAnOrdinaryAddress() {
        assertTrue(Email.isValid("ada.lovelace+notes@example.co.uk"));
    }

    @Test
    void refusesAddressesWithoutAtOrDomainDot() {
        assertFalse(Email.isValid("ada.example.com"));
        assertFalse(Email.isValid("ada@localhost"));
        assertFalse(Email.isValid("ada@@example.com"));
    }

    @Test
    void refusesSpacesAndControlCharacters() {
        assertFalse(Email.isValid("ada lovelace@example.com"));
        assertFalse(Email.isValid("ada@example.com\n"));
    }

    @Test
    void refusesHalfASurrogatePair() {
        assertFalse(Email.isValid("ada\uD800@example.com"));
    }

    @Test
    void countsCharactersNotUtf16Units() {
        String local = "\uD83D\uDE00".repeat(60); // 60 characters, 120 UTF-16 units

        assertTrue(Email.isValid(local + "@" + "b".repeat(185) + ".com"));
    }

    @Test
    void refusesAddressesOver254Characters() {
        String local = "a".repeat(64);
        String domain = "b".repeat(190) + ".com";

        assertFalse(Email.isValid(local + "@" + domain));
        assertTrue(Email.isValid(local + "@" + "b".repeat(185) + ".com"));
    }

    @Test
    void refusesALocalPartOver64Characters() {
        assertFalse(Email.isValid("a".repeat(65) + "@example.com"));
    }
}
