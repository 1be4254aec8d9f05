package ${package}.notes;

import dev.mainstay.core.problem.Validation;

/**
 * What a client sends to create or replace a note, and the rules a note must follow.
 *
 * <p>Lengths count characters as a person does (Unicode code points), so an emoji is one character.
 * Immutable and thread-safe.
 *
 * @param title required, 1 to {@value #MAX_TITLE} characters after trimming, no control characters,
 *     {@linkplain Validation#storable storable}
 * @param body optional ({@code null} means empty), at most {@value #MAX_BODY} characters, storable
 */
public record NoteInput(String title, String body) {
    /** Longest title, in characters. */
    public static final int MAX_TITLE = 200;
    /** Longest body, in characters. */
    public static final int MAX_BODY = 10_000;

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
                .maxLength("/title", trimmed, MAX_TITLE)
                .check(trimmed == null || trimmed.chars().noneMatch(Character::isISOControl), "/title",
                        "must not contain control characters")
                .storable("/title", trimmed)
                .maxLength("/body", body, MAX_BODY)
                .storable("/body", body)
                .throwIfInvalid();
        return new NoteInput(trimmed, body == null ? "" : body);
    }
}
