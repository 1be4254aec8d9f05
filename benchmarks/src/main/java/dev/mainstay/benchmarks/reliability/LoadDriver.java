package dev.mainstay.benchmarks.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Drives the archetype-generated service with a mixed load that wrk cannot check: it keeps the id of
 * every note whose creation was acknowledged, so the script can look for each one in the database
 * afterwards, and it performs timed actions on the system during the load (cut the database proxy,
 * SIGTERM or SIGKILL an instance), so that readiness, failures and recovery are measured from the
 * exact moment of each action.
 *
 * <pre>
 * java -cp benchmarks.jar dev.mainstay.benchmarks.reliability.LoadDriver \
 *   base=http://127.0.0.1:18201 probe=http://127.0.0.1:18201 seconds=30 workers=16 \
 *   action=10:post:http://127.0.0.1:18221/cut action=20:post:http://127.0.0.1:18221/restore \
 *   acked=target/acked.txt values=target/outage.values markdown=target/outage.md
 * </pre>
 *
 * <p>Settings ({@code key=value}): {@code base} (comma-separated; requests go round-robin),
 * {@code probe} (the instance whose readiness and threads are sampled; none if unset),
 * {@code seconds}, {@code workers} (closed-loop request threads, default 16), {@code write-share}
 * (default 0.3), {@code logins-per-second} (default 0.5), {@code users} (default 4),
 * {@code user-prefix}, {@code warmup} (seconds of unreported load first, default 5; its writes are
 * checked too), {@code action} (repeatable, at seconds after the warm-up), {@code acked}, {@code values}, {@code markdown}.
 *
 * <p>{@code idempotent-writes=SECONDS} makes every note creation carry an {@code Idempotency-Key} and be
 * retried with the same key and body until it is acknowledged, for at most SECONDS after the load
 * ({@link IdempotentWrite}); {@code keys} then names the file that gets one line per logical note
 * (key, acknowledged id, attempts, last status), warm-up included.
 */
public final class LoadDriver {
    private LoadDriver() {}

    /**
     * Runs the load, performs the actions, and writes the report.
     *
     * @param args {@code key=value} settings, see the class comment
     * @throws Exception if the users cannot sign in or a file cannot be written
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> settings = new HashMap<>();
        List<Action> actions = new ArrayList<>();
        parse(args, settings, actions);
        long untilMs = Long.parseLong(settings.getOrDefault("seconds", "30")) * 1000;
        List<String> bases = List.of(settings.getOrDefault("base", "http://127.0.0.1:18201").split(","));
        int workers = Integer.parseInt(settings.getOrDefault("workers", "16"));
        double writeShare = Double.parseDouble(settings.getOrDefault("write-share", "0.3"));
        double loginsPerSecond = Double.parseDouble(settings.getOrDefault("logins-per-second", "0.5"));

        List<Workload.User> users = Workload.signIn(bases.get(0),
                Integer.parseInt(settings.getOrDefault("users", "4")), settings.getOrDefault("user-prefix", "load"));
        long graceMs = Long.parseLong(settings.getOrDefault("idempotent-writes", "-1")) * 1000;
        Workload warmup = workload(new RunClock(), bases, users, graceMs); // JIT and pool warm; not reported
        warmup.run(workers, writeShare, loginsPerSecond, Long.parseLong(settings.getOrDefault("warmup", "5")) * 1000);

        RunClock run = new RunClock();
        Workload measured = workload(run, bases, users, graceMs);
        Probe probe = new Probe(run, settings.get("probe"));
        if (settings.containsKey("probe")) {
            probe.start(untilMs);
        }
        ScheduledExecutorService timer = schedule(actions, run);
        log(run, "load on " + bases + " for " + untilMs / 1000 + " s");
        measured.run(workers, writeShare, loginsPerSecond, untilMs);
        timer.shutdown();
        timer.awaitTermination(10, TimeUnit.SECONDS);
        Thread.sleep(200); // the probe's last sample and any exit notice

        Report report = new Report(measured.outcomes(), probe.readiness(), probe.threads(), actions, run.ms()).build();
        List<String> acknowledged = new ArrayList<>(warmup.acknowledged());
        acknowledged.addAll(measured.acknowledged());
        write(settings.get("acked"), String.join("\n", acknowledged) + "\n");
        write(settings.get("values"), report.values());
        if (graceMs >= 0) {
            List<IdempotentWrite> keyed = new ArrayList<>(warmup.keyed());
            keyed.addAll(measured.keyed());
            StringBuilder lines = new StringBuilder();
            keyed.forEach(note -> lines.append(note.line()).append('\n'));
            write(settings.get("keys"), lines.toString());
        }
        write(settings.get("markdown"), report.markdown());
        System.out.print(report.markdown());
        System.exit(0); // HttpClient's selector threads would otherwise keep the JVM a while
    }

    private static Workload workload(RunClock clock, List<String> bases, List<Workload.User> users, long graceMs) {
        Workload workload = new Workload(clock, bases, users);
        return graceMs >= 0 ? workload.idempotentWrites(graceMs) : workload;
    }

    private static void parse(String[] args, Map<String, String> settings, List<Action> actions) {
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("expected key=value, got " + arg);
            }
            if (kv[0].equals("action")) {
                actions.add(Action.parse(kv[1]));
            } else {
                settings.put(kv[0], kv[1]);
            }
        }
    }

    /** Performs each action at its time on the run clock, on a timer thread of its own. */
    private static ScheduledExecutorService schedule(List<Action> actions, RunClock run) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        for (Action action : actions) {
            timer.schedule(() -> {
                try {
                    action.perform(run);
                    log(run, "did " + action.verb + " " + action.target);
                } catch (IOException | RuntimeException e) {
                    log(run, "FAILED to " + action.verb + " " + action.target + ": " + e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, action.atMs, TimeUnit.MILLISECONDS);
        }
        return timer;
    }

    private static void write(String file, String text) throws IOException {
        if (file != null) {
            Files.writeString(Path.of(file), text);
        }
    }

    private static void log(RunClock clock, String message) {
        System.err.printf("[driver t=%.1fs] %s%n", clock.ms() / 1000.0, message);
    }
}
