package dev.mainstay.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * {@link ProcessLaunchTest}'s SIGTERM drain, 50 times, with two requests in flight: one from the JDK's
 * client, one over a raw socket that shows exactly what the server sent. Before {@link ConnectionDrain},
 * Jetty's drain shortened the idle timeout of the busy connections too, and 3 of 170 requests lost their
 * response (headers without the body, or nothing). A measurement, so it runs only when asked:
 * {@code ./mvnw -B -pl core -am test -Dtest=SigtermDrainRepeatTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dmainstay.repeat=true}. The suite's deterministic guard is {@code LifecycleTest}.
 */
@EnabledIfSystemProperty(named = "mainstay.repeat", matches = "true")
class SigtermDrainRepeatTest {
    private static final int RUNS = 50;

    @Test
    void everyInFlightRequestGetsItsWholeResponse() throws Exception {
        List<String> lost = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            Process process = ProcessLaunchTest.launch(ProcessLaunchTest.SlowMain.class);
            try {
                BufferedReader out = ProcessLaunchTest.stdout(process);
                int port = ProcessLaunchTest.port(out);
                CompletableFuture<HttpResponse<String>> client = HttpClient.newHttpClient()
                        .sendAsync(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slow"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                CompletableFuture<String> raw = CompletableFuture.supplyAsync(() -> rawGet(port));
                ProcessLaunchTest.awaitHandlers(out, 2);
                process.toHandle().destroy(); // SIGTERM
                try {
                    String body = client.get(10, TimeUnit.SECONDS).body();
                    if (!body.equals("finished")) {
                        lost.add("run " + run + ", JDK client: " + body);
                    }
                } catch (ExecutionException e) {
                    lost.add("run " + run + ", JDK client: " + e.getCause());
                }
                String response = raw.get(10, TimeUnit.SECONDS);
                if (!response.endsWith("\r\n\r\nfinished")) {
                    lost.add("run " + run + ", raw: [" + response + "]");
                }
                out.transferTo(Writer.nullWriter());
                process.waitFor(15, TimeUnit.SECONDS);
            } finally {
                process.destroyForcibly();
            }
        }
        System.out.printf("%d runs, %d of %d requests lost%n", RUNS, lost.size(), 2 * RUNS);
        assertEquals(List.of(), lost);
    }

    private static String rawGet(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            String request = "GET /slow HTTP/1.1\r\nHost: localhost\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
