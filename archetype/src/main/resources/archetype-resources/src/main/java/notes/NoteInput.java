package ${package}.notes;

import dev.mainstay.core.problem.Validation;

/**
 * What a client sends to create or replace a note, and the rules a note must follow.
 *
 * <p>Lengths count characters as a person does (Unicode code points), so an emoji is one character.
 * Immutable and thread-safe.
 *
 * @param title required, 1 to {@value #MAX_TITLE} characters after trimming, no control characters, no
 *     half of a surrogate pair
 * @param body optional ({@code null} means empty), at most {@value #MAX_BODY} characters, no NUL, no half
 *     of a surrogate pair
 */
public record NoteInput(String title, String body) {
    /** Longest title, in characters. */
    public static final int MAX_TITLE = 200;
    /** Longest body, in characters. */
    public static final int MAX_BODY = 10_000;

    private static final String UNPAIRED_SURROGATE = "must be valid Unicode text, without half of a surrogate pair";

    /**
     * Checks every rule and returns the input as it is stored: title trimmed, body never {@code null}.
     *
     * @return the normalized input
     * @throws dev.mainstay.core.problem.ProblemException a 422 problem naming every invalid field
     */
    public NoteInput validated() {
        String trimmed = title == null ? null : title.strip();
        Validation.start()
                .notBlank("/title", trimmed)
                .check(trimmed == null || characters(trimmed) <= MAX_TITLE, "/title",
                        "must be at most " + MAX_TITLE + " characters")
                .check(trimmed == null || trimmed.chars().noneMatch(Character::isISOControl), "/title",
                        "must not contain control characters")
                .check(body == null || characters(body) <= MAX_BODY, "/body",
                        "must be at most " + MAX_BODY + " characters")
                // PostgreSQL cannot store NUL in text; refusing it here keeps that a 422, not a 500.
                .check(body == null || body.indexOf('\0') < 0, "/body", "must not contain NUL characters")
                // A JSON \uD800 escape can carry half a character, which UTF-8 cannot encode: the note
                // would not come back as it was sent (the hostile-input test found this).
                .check(trimmed == null || isWellFormed(trimmed), "/title", UNPAIRED_SURROGATE)
                .check(body == null || isWellFormed(body), "/body", UNPAIRED_SURROGATE)
                .throwIfInvalid();
        return new NoteInput(trimmed, body == null ? "" : body);
    }

    private static boolean isWellFormed(String text) {
        // codePoints() yields an unpaired surrogate as itself, and a pair as the one character it encodes.
        return text.codePoints().noneMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
    }

    private static int characters(String text) {
        return text.codePointCount(0, text.length());
    }
}
