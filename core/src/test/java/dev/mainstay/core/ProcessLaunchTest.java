package dev.mainstay.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.core.config.Config;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs {@link Mainstay#run} in a child JVM, because it installs a shutdown hook and may exit. */
class ProcessLaunchTest {
    /** A service with a bad port, as an operator would misconfigure it. */
    static final class BadConfigMain {
        public static void main(String[] args) {
            Mainstay.run(Config.of(Map.of("http.port", "eighty", "shutdown.timeout", "forever")), app -> {});
        }
    }

    /** A service with a slow route, to be stopped with SIGTERM while a request is in flight. */
    static final class SlowMain {
        public static void main(String[] args) {
            Mainstay app = Mainstay.run(
                    Config.of(Map.of("http.port", "0")),
                    setup -> setup.javalin(cfg -> cfg.routes.get("/slow", ctx -> {
                        System.out.println("IN HANDLER");
                        System.out.flush();
                        Thread.sleep(1_500);
                        ctx.result("finished");
                    })));
            System.out.println("PORT " + app.port());
        }
    }

    static Process launch(Class<?> main) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), main.getName()))
                .redirectErrorStream(false)
                .start();
    }

    static BufferedReader stdout(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Reads {@link SlowMain}'s output up to the line with its port. */
    static int port(BufferedReader out) throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("PORT ")) {
                return Integer.parseInt(line.substring(5));
            }
        }
        throw new AssertionError("the child did not start");
    }

    /** Reads {@link SlowMain}'s output until {@code requests} requests are inside the handler. */
    static void awaitHandlers(BufferedReader out, int requests) throws IOException {
        int inside = 0;
        String line;
        while (inside < requests && (line = out.readLine()) != null) {
            if (line.equals("IN HANDLER")) {
                inside++;
            }
        }
    }

    @Test
    void exitsWithStatus1AndOneParagraphWhenTheConfigIsBad() throws Exception {
        Process process = launch(BadConfigMain.class);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, process.exitValue(), stderr);
        assertTrue(stderr.startsWith("Mainstay could not start. Invalid configuration (2 problems):"), stderr);
        assertTrue(stderr.contains("http.port (env MAINSTAY_HTTP_PORT) = 'eighty'"), stderr);
        assertTrue(stderr.contains("shutdown.timeout (env MAINSTAY_SHUTDOWN_TIMEOUT) = 'forever'"), stderr);
        assertFalse(stderr.contains("\tat "), stderr);
    }

    @Test
    void drainsAnInFlightRequestOnSigterm() throws Exception {
        Process process = launch(SlowMain.class);
        try {
            BufferedReader out = stdout(process);
            int port = port(out);
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/slow"))
                    .build();
            CompletableFuture<HttpResponse<String>> slow =
                    HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());
            awaitHandlers(out, 1);
            process.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of stdout
            HttpResponse<String> response = slow.get(10, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode());
            assertEquals("finished", response.body());
            String rest = out.lines().collect(java.util.stream.Collectors.joining("\n"));
            assertTrue(process.waitFor(15, TimeUnit.SECONDS));
            assertTrue(rest.contains("Stopped"), rest);
        } finally {
            process.destroyForcibly();
        }
    }
}
