package dev.mainstay.persistence.web;

import dev.mainstay.core.problem.FieldError;
import dev.mainstay.core.problem.Problem;
import dev.mainstay.persistence.Database;
import dev.mainstay.persistence.UniqueViolationException;
import dev.mainstay.persistence.idempotency.IdempotencyKeyInUseException;
import dev.mainstay.persistence.idempotency.IdempotencyStore;
import dev.mainstay.persistence.idempotency.StoredAnswer;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Makes a route safe to retry with the {@code Idempotency-Key} header (IETF
 * draft-ietf-httpapi-idempotency-key-header): a client that lost the answer to a POST sends it again
 * with the same key, and gets the first answer instead of a second write.
 *
 * <pre>{@code
 * Idempotency idempotency = MainstayPersistence.idempotency(setup, db)
 *         .identifiedBy(ctx -> Access.principal(ctx).subject());
 * cfg.routes.post("/api/notes", idempotency.handler(ctx -> {
 *     Note note = notes.create(ctx.bodyAsClass(NewNote.class)); // joins the request's transaction
 *     ctx.status(201).json(note);
 * }));
 * }</pre>
 *
 * <p>For a request with a key, the wrapped handler runs inside {@link Database#transaction}: the key's
 * row is inserted first, the handler's writes follow on the same thread (so they join the
 * transaction), and the answer (status, {@code Content-Type}, {@code Location}, body) is stored in the
 * row before the commit: a crash stores both or neither. Then:
 *
 * <ul>
 *   <li>the same key and the same request (method, path and a SHA-256 of the body) gets the stored
 *       answer again, with {@code Idempotent-Replayed: true}, and the handler does not run;
 *   <li>the same key with another request: 422 problem+json;
 *   <li>the same key while the first request still runs: 409 problem+json with {@code Retry-After: 1},
 *       after waiting up to {@link IdempotencyStore#LOCK_WAIT} for it to finish;
 *   <li>a handler that throws stores nothing (the transaction rolls back): a retry runs again;
 *   <li>no key: the handler runs as it would without this wrapper (the key is optional, as the draft
 *       allows); a key that is empty, longer than 255 characters or not printable ASCII: 400.
 * </ul>
 *
 * <p>Keys belong to a caller: {@link #identifiedBy} names it (e.g. the token's subject), so one user
 * can neither replay nor block another's key; without it, keys are shared by all callers, fit only
 * for a route without authentication. Keys are kept {@link #ttl} (24 hours by default). The handler
 * must write through the same {@link Database}; answers are stored as UTF-8 text. Immutable and
 * thread-safe.
 */
public final class Idempotency {
    /** The request header. */
    public static final String HEADER = "Idempotency-Key";
    /** The response header on a replayed answer. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /** How long keys are kept unless {@link #ttl} says otherwise: 24 hours. */
    public static final Duration DEFAULT_TTL = Duration.ofHours(24);

    private static final int MAX_KEY_LENGTH = 255;
    private static final Problem IN_USE = Problem.of(409, "Conflict")
            .withDetail("A request with this Idempotency-Key is still being processed. Retry it later.")
            .withHeader("Retry-After", "1");
    private static final Problem REUSED = Problem.of(422, "Unprocessable Content")
            .withDetail("This Idempotency-Key was used for a different request. Use a new key for a new request.")
            .withErrors(List.of(new FieldError("header " + HEADER, "was used for a different request")));

    private final IdempotencyStore store;
    private final Function<Context, String> identity;
    private final Duration ttl;
    private final Clock clock;

    private Idempotency(IdempotencyStore store, Function<Context, String> identity, Duration ttl, Clock clock) {
        this.store = store;
        this.identity = identity;
        this.ttl = ttl;
        this.clock = clock;
    }

    /**
     * Returns idempotency over keys kept in {@code db} (creating their table when {@code db.migrate} is
     * on), shared by all callers, kept 24 hours. In a Mainstay app prefer {@link
     * MainstayPersistence#idempotency}, which also schedules the deletion of expired keys.
     *
     * @param db the database the handlers write to
     * @return the idempotency
     */
    public static Idempotency of(Database db) {
        return new Idempotency(IdempotencyStore.create(db), ctx -> "", DEFAULT_TTL, Clock.systemUTC());
    }

    /**
     * Returns a copy whose keys belong to the caller that {@code identity} names for a request, e.g.
     * the authenticated subject; it runs before the handler, after authentication.
     *
     * @param identity the caller of a request; not null, and it must not return null
     * @return the copy
     */
    public Idempotency identifiedBy(Function<Context, String> identity) {
        return new Idempotency(store, Objects.requireNonNull(identity, "identity"), ttl, clock);
    }

    /**
     * Returns a copy that keeps keys for {@code ttl}; a retry after that runs again.
     *
     * @param ttl how long a key and its answer are kept, positive
     * @return the copy
     */
    public Idempotency ttl(Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("The idempotency-key TTL must be positive, not " + ttl);
        }
        return new Idempotency(store, identity, ttl, clock);
    }

    /**
     * Returns the store of keys, e.g. to delete expired ones yourself.
     *
     * @return the store
     */
    public IdempotencyStore store() {
        return store;
    }

    /**
     * Wraps {@code handler} so that requests with an {@code Idempotency-Key} run once (see the class
     * description).
     *
     * @param handler the route's handler; its database writes must go through the same database
     * @return the wrapped handler
     */
    public Handler handler(Handler handler) {
        Objects.requireNonNull(handler, "handler");
        return ctx -> {
            String key = ctx.header(HEADER);
            if (key == null) {
                handler.handle(ctx);
                return;
            }
            checkKey(key);
            String keyHash = sha256Hex(Objects.requireNonNull(identity.apply(ctx), "identity") + "\n" + key);
            String requestHash = requestHash(ctx);
            if (replayed(ctx, keyHash, requestHash)) {
                return;
            }
            try {
                Instant now = clock.instant();
                store.database().transaction(tx -> {
                    store.claim(tx, keyHash, requestHash, now.plus(ttl), now);
                    run(handler, ctx);
                    store.complete(tx, keyHash, answer(ctx, requestHash));
                });
            } catch (HandlerFailure e) {
                throw (Exception) e.getCause();
            } catch (IdempotencyKeyInUseException e) {
                throw IN_USE.toException();
            } catch (UniqueViolationException e) {
                // The first request committed while this one waited for its row: answer as a retry.
                if (!replayed(ctx, keyHash, requestHash)) {
                    throw IN_USE.toException();
                }
            }
        };
    }

    private boolean replayed(Context ctx, String keyHash, String requestHash) {
        Optional<StoredAnswer> stored = store.find(keyHash, clock.instant());
        if (stored.isEmpty()) {
            return false;
        }
        StoredAnswer answer = stored.get();
        if (!answer.requestHash().equals(requestHash)) {
            throw REUSED.toException();
        }
        ctx.status(answer.status());
        if (answer.contentType() != null) {
            ctx.contentType(answer.contentType());
        }
        if (answer.location() != null) {
            ctx.header("Location", answer.location());
        }
        ctx.header(REPLAYED_HEADER, "true");
        ctx.result(answer.body() == null ? "" : answer.body());
        return true;
    }

    private static void run(Handler handler, Context ctx) {
        try {
            handler.handle(ctx);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new HandlerFailure(e); // unwrapped below the transaction, so the rollback happens first
        }
    }

    private static StoredAnswer answer(Context ctx, String requestHash) {
        String body = null;
        InputStream result = ctx.resultInputStream();
        if (result != null) {
            try (result) {
                byte[] bytes = result.readAllBytes();
                ctx.result(bytes); // the stream is spent: give the client the same bytes
                body = new String(bytes, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new StoredAnswer(
                requestHash, ctx.statusCode(), ctx.res().getContentType(), ctx.res().getHeader("Location"), body);
    }

    private static void checkKey(String key) {
        boolean printable = key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e || c == ' ');
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH || !printable) {
            throw Problem.of(400, "Bad Request")
                    .withDetail("The " + HEADER + " header must be 1 to " + MAX_KEY_LENGTH
                            + " printable ASCII characters, such as a UUID.")
                    .withErrors(List.of(new FieldError("header " + HEADER, "must be 1 to 255 printable ASCII characters")))
                    .toException();
        }
    }

    private static String requestHash(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        byte[] head = (ctx.method().name() + " " + ctx.path() + "\n").getBytes(StandardCharsets.UTF_8);
        MessageDigest digest = sha256();
        digest.update(head);
        digest.update(body);
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** A checked exception of the handler, carried through the transaction's rollback. */
    private static final class HandlerFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HandlerFailure(Exception cause) {
            super(cause);
        }
    }
}
