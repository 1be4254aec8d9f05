package ${package}.notes;

import static ${package}.db.Tables.NOTES;

import dev.mainstay.persistence.Database;
import dev.mainstay.persistence.page.Keyset;
import dev.mainstay.persistence.page.Page;
import dev.mainstay.persistence.page.PageRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Record;

/**
 * Notes in the {@code notes} table. Every method takes the owner, and every query filters by it, so
 * that one user can never read or change another's note. Thread-safe.
 */
public final class NoteRepository {
    // Served by the index notes_owner_created_idx; the id breaks ties between equal timestamps.
    private static final Keyset NEWEST_FIRST = Keyset.of(NOTES.CREATED_AT.desc(), NOTES.ID.desc());

    private final Database db;

    /**
     * Creates a repository over {@code db}.
     *
     * @param db the application's database, migrated
     */
    public NoteRepository(Database db) {
        this.db = db;
    }

    /**
     * Stores a new note.
     *
     * @param owner the id of the owning user
     * @param input the validated title and body
     * @return the stored note
     */
    public Note create(UUID owner, NoteInput input) {
        // Databases keep microseconds; truncating here makes what we return equal to what we read back.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Note note = new Note(UUID.randomUUID(), input.title(), input.body(), now, now);
        db.dsl().insertInto(NOTES)
                .set(NOTES.ID, note.id())
                .set(NOTES.OWNER_ID, owner)
                .set(NOTES.TITLE, note.title())
                .set(NOTES.BODY, note.body())
                .set(NOTES.CREATED_AT, note.createdAt())
                .set(NOTES.UPDATED_AT, note.updatedAt())
                .execute();
        return note;
    }

    /** Returns the owner's note with this id, or empty if there is none (or it is someone else's). */
    public Optional<Note> find(UUID owner, UUID id) {
        return db.dsl().selectFrom(NOTES).where(owned(owner, id)).fetchOptional().map(NoteRepository::note);
    }

    /**
     * Replaces the title and body of the owner's note.
     *
     * @return the updated note, or empty if the owner has no note with this id
     */
    public Optional<Note> update(UUID owner, UUID id, NoteInput input) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return db.dsl()
                .update(NOTES)
                .set(NOTES.TITLE, input.title())
                .set(NOTES.BODY, input.body())
                .set(NOTES.UPDATED_AT, now)
                .where(owned(owner, id))
                .returning()
                .fetchOptional()
                .map(NoteRepository::note);
    }

    /** Deletes the owner's note; returns {@code false} if the owner has no note with this id. */
    public boolean delete(UUID owner, UUID id) {
        return db.dsl().deleteFrom(NOTES).where(owned(owner, id)).execute() == 1;
    }

    /**
     * Returns one page of the owner's notes, newest first.
     *
     * @param request the limit and the cursor of the previous page
     * @throws dev.mainstay.persistence.page.InvalidPageRequestException for a forged cursor (answered 400 naming {@code ?cursor})
     */
    public Page<Note> list(UUID owner, PageRequest request) {
        return NEWEST_FIRST.fetch(db.dsl().selectFrom(NOTES).where(NOTES.OWNER_ID.eq(owner)), request)
                .map(NoteRepository::note);
    }

    private static Condition owned(UUID owner, UUID id) {
        return NOTES.ID.eq(id).and(NOTES.OWNER_ID.eq(owner));
    }

    private static Note note(Record row) {
        return new Note(row.get(NOTES.ID), row.get(NOTES.TITLE), row.get(NOTES.BODY), row.get(NOTES.CREATED_AT),
                row.get(NOTES.UPDATED_AT));
    }
}
