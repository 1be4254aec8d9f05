package ${package}.notes;

import ${package}.auth.Caller;
import dev.mainstay.core.Json;
import dev.mainstay.core.problem.Problem;
import dev.mainstay.persistence.page.PageRequest;
import dev.mainstay.persistence.web.Idempotency;
import dev.mainstay.security.web.Access;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.UUID;

/**
 * The HTTP side of notes: {@code /api/notes} and {@code /api/notes/{id}}. Every route needs a signed-in
 * user and works on that user's notes only; a note of someone else answers 404, like a missing one,
 * so that its existence does not leak.
 */
public final class NoteRoutes {
    private final NoteRepository notes;
    private final Idempotency idempotency;

    /**
     * Creates the routes over {@code notes}.
     *
     * @param notes where notes are stored
     * @param idempotency makes {@code POST /api/notes} safe to retry with an {@code Idempotency-Key};
     *     keys belong to the signed-in user
     */
    public NoteRoutes(NoteRepository notes, Idempotency idempotency) {
        this.notes = notes;
        this.idempotency = idempotency.identifiedBy(ctx -> Caller.id(ctx).toString());
    }

    /**
     * Registers the routes.
     *
     * @param cfg the app's Javalin configuration, during set-up
     */
    public void install(JavalinConfig cfg) {
        cfg.routes.get("/api/notes", this::list, Access.AUTHENTICATED);
        // A client that lost the answer retries with the same Idempotency-Key and gets it again, not a second note.
        cfg.routes.post("/api/notes", idempotency.handler(this::create), Access.AUTHENTICATED);
        cfg.routes.get("/api/notes/{id}", this::read, Access.AUTHENTICATED);
        cfg.routes.put("/api/notes/{id}", this::replace, Access.AUTHENTICATED);
        cfg.routes.delete("/api/notes/{id}", this::delete, Access.AUTHENTICATED);
    }

    private void list(Context ctx) {
        PageRequest request = PageRequest.parse(ctx.queryParam("limit"), ctx.queryParam("cursor"));
        ctx.json(notes.list(Caller.id(ctx), request));
    }

    private void create(Context ctx) {
        NoteInput input = Json.body(ctx, NoteInput.class).validated();
        Note note = notes.create(Caller.id(ctx), input);
        ctx.status(201).header("Location", "/api/notes/" + note.id()).json(note);
    }

    private void read(Context ctx) {
        ctx.json(notes.find(Caller.id(ctx), id(ctx)).orElseThrow(NoteRoutes::notFound));
    }

    private void replace(Context ctx) {
        UUID id = id(ctx);
        NoteInput input = Json.body(ctx, NoteInput.class).validated();
        ctx.json(notes.update(Caller.id(ctx), id, input).orElseThrow(NoteRoutes::notFound));
    }

    private void delete(Context ctx) {
        if (!notes.delete(Caller.id(ctx), id(ctx))) {
            throw notFound();
        }
        ctx.status(204);
    }

    /** An id that is not a UUID cannot name a note: that is a 404 too, not a 400. */
    private static UUID id(Context ctx) {
        try {
            return UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
    }

    private static RuntimeException notFound() {
        return Problem.of(404, "Not Found").withDetail("There is no such note.").toException();
    }
}
