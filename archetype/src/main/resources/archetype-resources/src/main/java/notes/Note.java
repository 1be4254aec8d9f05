package ${package}.notes;

import java.time.Instant;
import java.util.UUID;

/**
 * A note as clients see it. The owner is deliberately not part of it: a note is only ever shown to
 * its owner, and repositories take the owner as a separate argument.
 *
 * @param id the note's id, random so that ids cannot be guessed
 * @param title the title, 1 to {@value NoteInput#MAX_TITLE} characters
 * @param body the body, possibly empty
 * @param createdAt when it was created (microsecond precision, as databases store it)
 * @param updatedAt when it was last replaced; equal to {@code createdAt} until then
 */
public record Note(UUID id, String title, String body, Instant createdAt, Instant updatedAt) {}
