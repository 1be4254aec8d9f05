package dev.mainstay.core.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ValidationTest {
    private static final String EMOJI = "\uD83D\uDD8A"; // one character, two UTF-16 units

    @Test
    void countsLengthsInCharactersNotUtf16Units() {
        String fiveEmoji = EMOJI.repeat(5); // 10 units
        assertTrue(Validation.start().maxLength("/t", fiveEmoji, 5).isValid());
        assertFalse(Validation.start().maxLength("/t", fiveEmoji + "x", 5).isValid());
        assertTrue(Validation.start().minLength("/t", fiveEmoji, 5).isValid());
        assertFalse(Validation.start().minLength("/t", EMOJI.repeat(4), 5).isValid(), "8 units but 4 characters");
        assertTrue(Validation.start().maxLength("/t", null, 1).minLength("/t", null, 1).isValid());
    }

    @Test
    void refusesNulAndLoneSurrogatesButNotPairs() {
        for (String bad : new String[] {"a\0b", "\uD800", "x\uDC00", "\uDC00\uD800", "ok\uD83D"}) {
            assertFalse(Validation.isStorable(bad), bad);
            List<FieldError> errors = Validation.start().storable("/body", bad).errors();
            assertEquals(List.of(new FieldError("/body", Validation.NOT_STORABLE)), errors);
        }
        for (String good : new String[] {"", "plain", "caf\u00e9", EMOJI, "a" + EMOJI + "b", "\t\n"}) {
            assertTrue(Validation.isStorable(good), good);
        }
        assertTrue(Validation.start().storable("/body", null).isValid());
    }

    @Test
    void reportsEachFieldOnceAndAllFieldsInOne422() {
        Validation v = Validation.start()
                .notBlank("/title", " ")
                .maxLength("/title", " ", 0)
                .storable("/body", "\0");
        ProblemException thrown = assertThrows(ProblemException.class, v::throwIfInvalid);
        assertEquals(422, thrown.problem().status());
        assertEquals(
                List.of("/title", "/body"),
                thrown.problem().errors().stream().map(FieldError::pointer).toList());
    }

    @Test
    void parsesWholeNumbersOfAsciiDigitsOnly() {
        assertEquals(OptionalLong.of(5), Validation.parseWholeNumber("5", 1, 100));
        assertEquals(OptionalLong.of(7), Validation.parseWholeNumber("007", 1, 100));
        assertEquals(OptionalLong.of(-3), Validation.parseWholeNumber("-3", -5, 5));
        assertEquals(OptionalLong.of(Long.MAX_VALUE), Validation.parseWholeNumber("9223372036854775807", 0, Long.MAX_VALUE));
        assertEquals(
                OptionalLong.of(Long.MIN_VALUE),
                Validation.parseWholeNumber("-9223372036854775808", Long.MIN_VALUE, 0));
        for (String bad : new String[] {
            null, "", "-", "+5", " 5", "5 ", "5.0", "1e3", "0x10", "\u0665", "\uFF15", "5\u0660", "--5", "-+5"
        }) {
            assertEquals(OptionalLong.empty(), Validation.parseWholeNumber(bad, Long.MIN_VALUE, Long.MAX_VALUE), bad);
        }
    }

    @Test
    void refusesOverflowAndValuesOutsideTheRange() {
        assertEquals(
                OptionalLong.empty(), Validation.parseWholeNumber("9223372036854775808", 0, Long.MAX_VALUE));
        assertEquals(
                OptionalLong.empty(),
                Validation.parseWholeNumber("-9223372036854775809", Long.MIN_VALUE, Long.MAX_VALUE));
        assertEquals(
                OptionalLong.empty(), Validation.parseWholeNumber("99999999999999999999999", 0, Long.MAX_VALUE));
        assertEquals(OptionalLong.empty(), Validation.parseWholeNumber("0", 1, 100));
        assertEquals(OptionalLong.empty(), Validation.parseWholeNumber("101", 1, 100));
        assertEquals(OptionalLong.empty(), Validation.parseWholeNumber("-1", 0, 100));
    }
}
