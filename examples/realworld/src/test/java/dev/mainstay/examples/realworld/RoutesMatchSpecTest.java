package dev.mainstay.examples.realworld;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mainstay.test.MainstayTest;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The routes registered in Javalin are exactly the operations of the spec's openapi.yml. */
class RoutesMatchSpecTest {
    private static final Set<HandlerType> OPERATIONS =
            Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);
    private static final Pattern PATH = Pattern.compile("^  (/\\S*):\\s*$");
    private static final Pattern METHOD = Pattern.compile("^    (get|post|put|patch|delete):\\s*$");

    @Test
    void everyRouteIsAnOperationOfTheSpecAndEveryOperationARoute() throws IOException {
        Set<String> spec = operationsOfSpec();
        assertEquals(19, spec.size(), "the spec has 19 operations: " + spec);
        // Health and metrics go to an admin port of their own, so the main server holds only the API.
        Map<String, String> config = Map.of(
                "db.url", "jdbc:h2:mem:routes-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "admin.port", "0",
                "security.password.cost", "10");
        MainstayTest.run(config, RealWorldApp::setup, (app, client) -> {
            Set<String> routes = new TreeSet<>();
            app.javalin().unsafe.internalRouter.allHttpHandlers().stream()
                    .map(parsed -> parsed.endpoint)
                    .filter(endpoint -> OPERATIONS.contains(endpoint.method))
                    .forEach(endpoint -> routes.add(endpoint.method.name() + " " + endpoint.path));
            assertEquals(spec, routes);
        });
    }

    /** Reads "METHOD /api/path" for each operation; the spec's server URL ends in /api. */
    private static Set<String> operationsOfSpec() throws IOException {
        Set<String> operations = new TreeSet<>();
        String path = null;
        for (String line : specText().split("\n")) {
            Matcher pathLine = PATH.matcher(line);
            Matcher methodLine = METHOD.matcher(line);
            if (pathLine.matches()) {
                path = pathLine.group(1);
            } else if (methodLine.matches() && path != null) {
                operations.add(methodLine.group(1).toUpperCase(Locale.ROOT) + " /api" + path);
            } else if (!line.startsWith(" ") && !line.isBlank()) {
                path = null; // left the paths section
            }
        }
        return operations;
    }

    private static String specText() throws IOException {
        try (InputStream in = RoutesMatchSpecTest.class.getResourceAsStream("/realworld-spec/openapi.yml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
