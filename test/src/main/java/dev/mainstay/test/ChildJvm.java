package dev.mainstay.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a main class in a separate JVM on the test's class path, so that a start-up test sees the real
 * exit status and output: what an operator sees when a config key is missing or the database is down.
 *
 * <pre>{@code
 * ChildJvm.Exit exit = ChildJvm.start(App.class, Map.of("profile", "prod"), tempDir).await();
 * assertEquals(1, exit.status(), exit.describe());
 * assertTrue(exit.stderr().contains("security.jwt.secret"), exit.describe());
 * assertFalse(exit.hasStackTrace(), exit.describe());
 * }</pre>
 *
 * <p>The child is configured only through {@code -Dmainstay.<key>=<value>} system properties: the
 * {@code MAINSTAY_*} and {@code PORT} variables of this environment are removed, and {@code
 * http.port} is 0 so that it listens on a free port if it ever gets that far. Its output goes to files
 * in the given directory, so that a chatty child can never block on a full pipe. Each instance is used
 * from one thread.
 */
public final class ChildJvm {
    /** Generous: start-up faults fail in a few seconds, but build machines can be slow and busy. */
    private static final long TIMEOUT_SECONDS = 90;
    /** A frame of a Java stack trace ({@code at a.b.C.m(C.java:12)}), also inside JSON log lines. */
    private static final Pattern STACK_TRACE = Pattern.compile("\\bat [\\w.$]+\\([\\w]+\\.java:\\d+\\)|Caused by: ");

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private ChildJvm(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * What a finished child printed, and its exit status.
     *
     * @param status the exit status
     * @param stderr everything written to standard error
     * @param stdout everything written to standard output
     */
    public record Exit(int status, String stderr, String stdout) {
        /**
         * Returns the status and both streams, labelled: the message for a failed assertion.
         *
         * @return the status, then standard error, then standard output
         */
        public String describe() {
            return "exit status " + status + "\n--- stderr\n" + stderr + "\n--- stdout\n" + stdout;
        }

        /**
         * Returns whether either stream holds a Java stack trace: an operator needs the explanation, not frames.
         *
         * @return {@code true} when a line looks like a stack frame ({@code at ...(...)})
         */
        public boolean hasStackTrace() {
            return STACK_TRACE.matcher(stderr + stdout).find();
        }
    }

    /**
     * Starts {@code main} with {@code settings} as {@code -Dmainstay.<key>=<value>}, writing its output
     * to {@code stdout.txt} and {@code stderr.txt} under {@code dir} (created if need be).
     *
     * @param main the class whose {@code main} to run, on this JVM's class path
     * @param settings config keys and values, each passed as {@code -Dmainstay.<key>=<value>}
     * @param dir where the two output files go
     * @return the running child; kill it in a {@code finally} if the test may end before it exits
     * @throws UncheckedIOException when the JVM cannot be started
     */
    public static ChildJvm start(Class<?> main, Map<String, String> settings, Path dir) {
        return start(main, List.of(), settings, dir);
    }

    /**
     * Like {@link #start(Class, Map, Path)}, with options for the child JVM itself, e.g. {@code
     * -javaagent:...} and the agent's {@code -Dotel.*} properties.
     *
     * @param main the class whose {@code main} to run, on this JVM's class path
     * @param jvmOptions options placed before the main class, after the kit's own (later ones win)
     * @param settings config keys and values, each passed as {@code -Dmainstay.<key>=<value>}
     * @param dir where the two output files go
     * @return the running child; stop or kill it in a {@code finally} if the test may end before it exits
     * @throws UncheckedIOException when the JVM cannot be started
     */
    public static ChildJvm start(Class<?> main, List<String> jvmOptions, Map<String, String> settings, Path dir) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Start-up speed over peak speed: these processes live for a few seconds.
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                "-Dmainstay.http.port=0"));
        command.addAll(jvmOptions);
        settings.forEach((key, value) -> command.add("-Dmainstay." + key + "=" + value));
        command.add(main.getName());
        try {
            Files.createDirectories(dir);
            Path out = dir.resolve("stdout.txt");
            Path err = dir.resolve("stderr.txt");
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("MAINSTAY_") || name.equals("PORT"));
            return new ChildJvm(builder.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs {@code main} like {@link #start} and waits for it to exit; shorthand for {@code start(...).await()}.
     *
     * @param main the class whose {@code main} to run
     * @param settings config keys and values, each passed as {@code -Dmainstay.<key>=<value>}
     * @param dir where the two output files go
     * @return what the child printed and its exit status
     * @throws AssertionError when it is still running after 90 s
     */
    public static Exit run(Class<?> main, Map<String, String> settings, Path dir) {
        return start(main, settings, dir).await();
    }

    /**
     * Waits for the child to exit and returns what it printed.
     *
     * @return what the child printed and its exit status
     * @throws AssertionError when it is still running after 90 s (it is killed first)
     */
    public Exit await() {
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                kill();
                throw new AssertionError(
                        "still running after " + TIMEOUT_SECONDS + " s:\n" + read(stderr) + read(stdout));
            }
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the child JVM", e);
        }
        return new Exit(process.exitValue(), read(stderr), read(stdout));
    }

    /**
     * Returns what the child has written to standard output so far, e.g. to find the port it logged.
     *
     * @return the output so far, decoded as UTF-8
     */
    public String stdoutSoFar() {
        return read(stdout);
    }

    /**
     * Returns whether the child is still running.
     *
     * @return {@code true} until the process has exited
     */
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits until standard output holds a match of {@code pattern}, e.g. the start-up line with the port
     * the child listens on. It wakes on the file system's change events for the output file, not on a
     * timer; the one-second bound of each wait only serves to notice a child that exited silently.
     *
     * @param pattern what to look for; {@link Matcher#find()} semantics, across lines
     * @return the first match, for its groups
     * @throws AssertionError when the child exits, or 90 s pass, before its output matches
     */
    public Matcher awaitStdout(Pattern pattern) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        try (WatchService watcher = stdout.getFileSystem().newWatchService()) {
            stdout.getParent().register(watcher, StandardWatchEventKinds.ENTRY_MODIFY);
            while (true) {
                Matcher match = pattern.matcher(read(stdout));
                if (match.find()) {
                    return match;
                }
                if (!process.isAlive()) {
                    throw new AssertionError("exited with status " + process.exitValue() + " before its output matched "
                            + pattern + ":\n" + read(stderr) + read(stdout));
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no match of " + pattern + " after " + TIMEOUT_SECONDS + " s:\n"
                            + read(stderr) + read(stdout));
                }
                WatchKey key = watcher.poll(Math.min(left, TimeUnit.SECONDS.toNanos(1)), TimeUnit.NANOSECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the child's output", e);
        }
    }

    /**
     * Asks the child to stop as an operator does (SIGTERM on Unix), so that its shutdown hooks run and
     * flush what they hold (buffered log lines, a tracing agent's spans), and waits for it to exit.
     *
     * @return what the child printed and its exit status
     * @throws AssertionError when it is still running after 90 s (it is killed first)
     */
    public Exit stop() {
        process.destroy();
        return await();
    }

    /** Kills the child if it is still running; use it in a {@code finally} for a child that should not exit. */
    public void kill() {
        process.destroyForcibly();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
