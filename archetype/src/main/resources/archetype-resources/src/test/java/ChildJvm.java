package ${package};

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A separate JVM running a main class on this test's class path, configured only through
 * {@code -Dmainstay.*} system properties, so its exit status and output are the real ones.
 */
final class ChildJvm {
    /** Generous: the faults fail in a few seconds, but build machines can be slow and busy. */
    private static final long TIMEOUT_SECONDS = 90;
    /** A frame of a Java stack trace ({@code at a.b.C.m(C.java:12)}), also inside JSON log lines. */
    private static final Pattern STACK_TRACE = Pattern.compile("\\bat [\\w.]+\\([\\w]+\\.java:\\d+\\)|Caused by: ");

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private ChildJvm(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** What a finished process printed, and its exit status. */
    record Exit(int status, String stderr, String stdout) {
        /** Returns both streams, labelled, for failure messages. */
        String describe() {
            return "exit status " + status + "\n--- stderr\n" + stderr + "\n--- stdout\n" + stdout;
        }
    }

    /**
     * Starts {@code main} with {@code settings} as {@code -Dmainstay.<key>=<value>}, without the
     * {@code MAINSTAY_*} and {@code PORT} variables of this environment, writing its output under
     * {@code dir}. It listens on a free port if it ever gets that far.
     */
    static ChildJvm start(Class<?> main, Map<String, String> settings, Path dir) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Start-up speed over peak speed: these processes live for a few seconds.
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                "-Dmainstay.http.port=0"));
        settings.forEach((key, value) -> command.add("-Dmainstay." + key + "=" + value));
        command.add(main.getName());
        try {
            Files.createDirectories(dir);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(dir.resolve("stdout.txt").toFile())
                    .redirectError(dir.resolve("stderr.txt").toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("MAINSTAY_") || name.equals("PORT"));
            return new ChildJvm(builder.start(), dir.resolve("stdout.txt"), dir.resolve("stderr.txt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the process to exit; one that is still running after the timeout is killed and fails. */
    Exit await() {
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                kill();
                throw new AssertionError("still running after " + TIMEOUT_SECONDS + " s:\n" + read(stderr) + read(stdout));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new Exit(process.exitValue(), read(stderr), read(stdout));
    }

    /** Kills the process if it is still running. */
    void kill() {
        process.destroyForcibly();
    }

    /** Fails if either stream holds a stack trace: an operator needs the explanation, not the frames. */
    static void assertNoStackTrace(String fault, Exit exit) {
        assertFalse(STACK_TRACE.matcher(exit.stderr() + exit.stdout()).find(),
                fault + ": a stack trace was printed\n" + exit.describe());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
