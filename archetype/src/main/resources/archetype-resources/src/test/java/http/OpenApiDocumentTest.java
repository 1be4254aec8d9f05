package ${package}.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ${package}.App;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mainstay.test.MainstayApp;
import dev.mainstay.test.database.DatabaseServer;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The OpenAPI document and the routes the service registers must describe the same operations. */
class OpenApiDocumentTest {
    @RegisterExtension
    static final MainstayApp APP = MainstayApp.of(App::configure).database(DatabaseServer.H2);

    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    @Test
    void documentsEveryRouteAndNoOther() throws IOException {
        Set<String> registered = registeredOperations();
        Set<String> documented = documentedOperations();

        Set<String> undocumented = new TreeSet<>(registered);
        undocumented.removeAll(documented);
        Set<String> unserved = new TreeSet<>(documented);
        unserved.removeAll(registered);
        assertEquals(Set.of(), undocumented, "routes missing from src/main/resources/openapi.json");
        assertEquals(Set.of(), unserved, "operations in openapi.json that no route serves");
    }

    @Test
    void resolvesEveryReferenceInsideTheDocument() throws IOException {
        JsonNode document = document();
        Set<String> broken = new TreeSet<>();
        document.findValues("$ref").forEach(ref -> {
            if (document.at(ref.asText().substring(1)).isMissingNode()) {
                broken.add(ref.asText());
            }
        });

        assertEquals(Set.of(), broken, "references to nothing in openapi.json");
    }

    private static Set<String> registeredOperations() {
        Set<String> operations = new TreeSet<>();
        APP.app().javalin().unsafe.internalRouter.allHttpHandlers().forEach(parsed -> {
            HandlerType method = parsed.endpoint.method;
            if (method.isHttpMethod()) {
                operations.add(method.name() + " " + parsed.endpoint.path);
            }
        });
        return operations;
    }

    private static Set<String> documentedOperations() throws IOException {
        JsonNode document = document();
        assertEquals("3.1.0", document.path("openapi").asText());
        Set<String> operations = new TreeSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(key -> {
            if (OPERATIONS.contains(key)) {
                operations.add(key.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        return operations;
    }

    private static JsonNode document() throws IOException {
        try (InputStream in = OpenApiDocumentTest.class.getClassLoader().getResourceAsStream("openapi.json")) {
            return new ObjectMapper().readTree(in);
        }
    }
}
