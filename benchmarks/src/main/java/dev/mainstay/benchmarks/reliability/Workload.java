package dev.mainstay.benchmarks.reliability;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The mixed load: a fixed number of workers, each signed in as one of a few users, that read and write
 * notes back to back (a closed loop), plus one thread that logs in at a low rate. Every outcome is kept,
 * and so is the id of every note whose creation was acknowledged with a 2xx.
 */
final class Workload {
    private final Api api = new Api();
    private final RunClock clock;
    private final List<String> bases;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger loggedFailures = new AtomicInteger();
    private final List<User> users;
    private final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
    private final Queue<IdempotentWrite> keyed = new ConcurrentLinkedQueue<>();
    private volatile long retryUntilMs = -1;

    /** A signed-in user and the ids of the notes it was told were stored. */
    record User(String email, String token, List<String> notes) {}

    Workload(RunClock clock, List<String> bases, List<User> users) {
        this.clock = clock;
        this.bases = bases;
        this.users = users;
    }

    /**
     * Makes every note creation carry an {@code Idempotency-Key} and be retried with it after a failure
     * that may have left it half done, until it is acknowledged or {@code graceMs} after the end of the
     * load; see {@link IdempotentWrite}.
     */
    Workload idempotentWrites(long graceMs) {
        this.retryUntilMs = graceMs;
        return this;
    }

    /** Registers (or reuses) {@code count} accounts on {@code base} and signs each in. */
    static List<User> signIn(String base, int count, String prefix) throws IOException, InterruptedException {
        Api api = new Api();
        List<User> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String email = prefix + "-" + i + "@reliability.example";
            Api.Answer login = api.registerAndLogin(base, email);
            users.add(new User(email, login.field("accessToken"), new CopyOnWriteArrayList<>()));
        }
        return users;
    }

    /**
     * Runs the load until {@code untilMs} on the run clock, then waits for the requests in flight.
     *
     * @param writeShare the share of worker requests that create a note, 0..1
     * @param loginsPerSecond the rate of the login thread; 0 for none
     */
    void run(int workers, double writeShare, double loginsPerSecond, long untilMs) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(workers + 1);
        for (int i = 0; i < workers; i++) {
            User user = users.get(i % users.size());
            pool.execute(() -> work(user, writeShare, untilMs));
        }
        if (loginsPerSecond > 0) {
            pool.execute(() -> logins(users.get(0), loginsPerSecond, untilMs));
        }
        pool.shutdown();
        if (!pool.awaitTermination(untilMs - clock.ms() + Math.max(0, retryUntilMs) + 60_000, TimeUnit.MILLISECONDS)) {
            pool.shutdownNow();
        }
    }

    Queue<Outcome> outcomes() {
        return outcomes;
    }

    Queue<String> acknowledged() {
        return acknowledged;
    }

    /** With {@link #idempotentWrites}: every logical note, whether or not it was acknowledged. */
    Queue<IdempotentWrite> keyed() {
        return keyed;
    }

    private void work(User user, double writeShare, long untilMs) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (clock.ms() < untilMs) {
            if (random.nextDouble() < writeShare || user.notes().isEmpty()) {
                if (retryUntilMs >= 0) {
                    writeIdempotent(user, untilMs + retryUntilMs);
                } else {
                    write(user);
                }
            } else if (random.nextBoolean()) {
                String id = user.notes().get(random.nextInt(user.notes().size()));
                call("read", () -> api.get(base() + "/api/notes/" + id, user.token()));
            } else {
                call("read", () -> api.get(base() + "/api/notes?limit=10", user.token()));
            }
        }
    }

    private void write(User user) {
        Map<String, String> note = Map.of("title", "reliability " + clock.ms(), "body", "written under load");
        Api.Answer answer = call("write", () -> api.post(base() + "/api/notes", user.token(), note));
        if (answer != null && answer.ok()) {
            String id = answer.field("id");
            acknowledged.add(id);
            user.notes().add(id);
        }
    }

    /**
     * Creates one note under a new key, and sends the very same request again after each retryable
     * failure. The first attempt counts as a {@code write}, each further one as a {@code retry}.
     */
    private void writeIdempotent(User user, long giveUpMs) {
        IdempotentWrite note = IdempotentWrite.create();
        keyed.add(note);
        // One body for every attempt, in a fixed field order: a retry must send the very same bytes.
        Map<String, String> body = new LinkedHashMap<>();
        body.put("title", note.title);
        body.put("body", "written under load, retried with its key");
        while (true) {
            String kind = note.attempts() == 0 ? "write" : "retry";
            Attempt attempt =
                    send(kind, () -> api.postIdempotent(base() + "/api/notes", user.token(), body, note.key));
            if (attempt == null) {
                return; // interrupted: the run is being torn down
            }
            String id = attempt.answer() == null ? null : attempt.answer().field("id");
            boolean again = note.record(attempt.outcome(), id);
            if (note.acknowledged() && id != null) { // an answer without an id shows in the keys file as "-"
                acknowledged.add(id);
                user.notes().add(id);
            }
            if (!again || clock.ms() >= giveUpMs) {
                return;
            }
            if (!sleep(IdempotentWrite.backoffMs(note.attempts()))) {
                return;
            }
        }
    }

    private void logins(User user, double perSecond, long untilMs) {
        long periodMs = Math.round(1000 / perSecond);
        for (long due = clock.ms(); clock.ms() < untilMs; due += periodMs) {
            call("login", () -> api.login(base(), user.email(), Api.PASSWORD));
            long wait = due + periodMs - clock.ms();
            if (wait > 0) {
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void pause() {
        sleep(50);
    }

    /** Sleeps; returns false if interrupted. */
    private static boolean sleep(long ms) {
        try {
            Thread.sleep(ms);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String base() {
        return bases.get(Math.floorMod(next.getAndIncrement(), bases.size()));
    }

    /** Sends one request and records its outcome; returns the answer, or null if none arrived. */
    private Api.Answer call(String kind, Request request) {
        Attempt attempt = send(kind, request);
        return attempt == null ? null : attempt.answer();
    }

    /** What one request got: its outcome, and the answer if one arrived (null otherwise). */
    private record Attempt(Outcome outcome, Api.Answer answer) {}

    /** Sends one request and records its outcome; null if the thread was interrupted. */
    private Attempt send(String kind, Request request) {
        long start = clock.ms();
        try {
            Api.Answer answer = request.send();
            Outcome outcome = new Outcome(kind, start, clock.ms(), answer.status(), answer.problem());
            outcomes.add(outcome);
            return new Attempt(outcome, answer);
        } catch (IOException e) {
            Outcome failure = new Outcome(kind, start, clock.ms(), Outcome.statusOf(e), false);
            outcomes.add(failure);
            if (failure.status() != Outcome.REFUSED && loggedFailures.incrementAndGet() <= 20) {
                System.err.printf("[driver t=%.1fs] %s sent at t=%.1fs failed: %s%n",
                        failure.endMs() / 1000.0, kind, start / 1000.0, e);
            }
            if (failure.status() == Outcome.REFUSED) {
                pause(); // nothing listens: do not spin
            }
            return new Attempt(failure, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** One HTTP call of the load. */
    @FunctionalInterface
    interface Request {
        Api.Answer send() throws IOException, InterruptedException;
    }
}
