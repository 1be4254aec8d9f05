package ${package}.docs;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Serves the API's description: the OpenAPI 3.1 document at {@code /openapi.json} and Swagger UI,
 * which renders it, at {@code /docs}.
 *
 * <p>The document is a hand-written file, {@code src/main/resources/openapi.json}, read once at
 * start-up; {@code OpenApiDocumentTest} fails when it and the registered routes disagree.
 */
public final class ApiDocs {
    /** Where the document is served. */
    public static final String DOCUMENT_PATH = "/openapi.json";
    /** Where Swagger UI is served. */
    public static final String UI_PATH = "/docs";

    private static final String WEBJAR = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
    // The API itself answers with a CSP that forbids everything; this one page needs its own scripts,
    // and Swagger UI sets inline styles and data: images.
    private static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private ApiDocs() {}

    /**
     * Adds the document, the page and Swagger UI's static files to a Javalin configuration.
     *
     * @param cfg the app's Javalin configuration, during set-up
     * @throws IllegalStateException if {@code openapi.json}, the page or the Swagger UI jar is missing
     */
    public static void install(JavalinConfig cfg) {
        byte[] document = read("openapi.json");
        byte[] page = read("docs/index.html");
        cfg.routes.get(DOCUMENT_PATH, ctx -> ctx.contentType("application/json").result(document));
        cfg.routes.get(UI_PATH, ctx -> page(ctx, page));
        cfg.staticFiles.add(files -> {
            files.hostedPath = UI_PATH + "/ui";
            files.directory = "/META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion();
            files.location = Location.CLASSPATH;
        });
        cfg.staticFiles.add(files -> {
            files.hostedPath = UI_PATH + "/assets";
            files.directory = "/docs";
            files.location = Location.CLASSPATH;
        });
    }

    private static void page(Context ctx, byte[] page) {
        ctx.header("Content-Security-Policy", PAGE_POLICY).contentType("text/html; charset=utf-8").result(page);
    }

    private static String swaggerUiVersion() {
        Properties properties = new Properties();
        try (InputStream in = open(WEBJAR)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    private static byte[] read(String resource) {
        try (InputStream in = open(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = ApiDocs.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is missing from the classpath"
                    + (resource.equals(WEBJAR) ? "; add the dependency org.webjars:swagger-ui to pom.xml" : ""));
        }
        return in;
    }
}
