package ${package}.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mainstay.core.problem.FieldError;
import dev.mainstay.core.problem.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoteInputTest {

    @Test
    void trimsTheTitleAndDefaultsTheBodyToEmpty() {
        NoteInput input = new NoteInput("  Groceries  ", null).validated();

        assertEquals(new NoteInput("Groceries", ""), input);
    }

    @Test
    void acceptsTitleAndBodyAtTheirLimits() {
        NoteInput input = new NoteInput("t".repeat(200), "b".repeat(10_000)).validated();

        assertEquals(200, input.title().length());
    }

    @Test
    void countsAnEmojiAsOneCharacter() {
        String emoji = "\uD83D\uDE00"; // one code point, two UTF-16 units

        NoteInput input = new NoteInput(emoji.repeat(200), "").validated();

        assertEquals(400, input.title().length());
    }

    @Test
    void rejectsBlankTitleAndOverlongBodyTogether() {
        List<FieldError> errors = errorsOf(new NoteInput("   ", "b".repeat(10_001)));

        assertEquals(List.of("/title", "/body"), errors.stream().map(FieldError::pointer).toList());
    }

    @Test
    void rejectsMissingTitle() {
        assertEquals("/title", errorsOf(new NoteInput(null, "body")).get(0).pointer());
    }

    @Test
    void rejectsTitleOverTwoHundredCharacters() {
        assertEquals("must be at most 200 characters", errorsOf(new NoteInput("t".repeat(201), "")).get(0).message());
    }

    @Test
    void rejectsControlCharactersInTitle() {
        assertEquals("/title", errorsOf(new NoteInput("line\nbreak", "")).get(0).pointer());
    }

    @Test
    void rejectsHalfASurrogatePairInTitleAndBody() {
        List<FieldError> errors = errorsOf(new NoteInput("caf\uD800", "\uDE00 alone"));

        assertEquals(List.of("/title", "/body"), errors.stream().map(FieldError::pointer).toList());
    }

    @Test
    void rejectsNulInBody() {
        assertEquals("/body", errorsOf(new NoteInput("title", "a\0b")).get(0).pointer());
    }

    private static List<FieldError> errorsOf(NoteInput input) {
        ProblemException e = assertThrows(ProblemException.class, input::validated);
        assertEquals(422, e.problem().status());
        return e.problem().errors();
    }
}
