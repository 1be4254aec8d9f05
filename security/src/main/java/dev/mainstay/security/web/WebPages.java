package dev.mainstay.security.web;

import dev.mainstay.security.config.HeadersConfig;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.util.Map;

/**
 * Serves a browser client's static files (HTML, CSS, JavaScript modules) from the classpath, with
 * the page Content-Security-Policy {@link HeadersConfig#PAGE_POLICY} instead of the API's
 * {@link HeadersConfig#API_POLICY}.
 *
 * <pre>{@code
 * app.javalin(cfg -> WebPages.serve(cfg, "/", "/web"));   // src/main/resources/web/index.html at /
 * }</pre>
 *
 * <p>The API keeps {@code default-src 'none'}: a JSON answer opened as a page can run nothing. The
 * pages may load scripts, styles and images from the service's own origin and {@code fetch} it, and
 * nothing else: no inline script, so an injected {@code <script>} or {@code onerror=} does not run.
 * A directory's {@code index.html} answers for the directory.
 */
public final class WebPages {
    private WebPages() {}

    /**
     * Adds the static files of {@code classpathDirectory} at {@code hostedPath}.
     *
     * @param cfg the app's Javalin configuration, during set-up
     * @param hostedPath where the files are served, e.g. {@code /}
     * @param classpathDirectory the folder on the classpath that holds them, e.g. {@code /web}
     */
    public static void serve(JavalinConfig cfg, String hostedPath, String classpathDirectory) {
        serve(cfg, hostedPath, classpathDirectory, Location.CLASSPATH);
    }

    /**
     * Adds the static files of {@code directory} at {@code hostedPath}, from the classpath or, e.g. to
     * edit pages without a restart, from the file system.
     *
     * @param cfg the app's Javalin configuration, during set-up
     * @param hostedPath where the files are served, e.g. {@code /}
     * @param directory the folder that holds them
     * @param location whether {@code directory} is on the classpath or in the file system
     */
    public static void serve(JavalinConfig cfg, String hostedPath, String directory, Location location) {
        cfg.staticFiles.add(files -> {
            files.hostedPath = hostedPath;
            files.directory = directory;
            files.location = location;
            files.headers = Map.of("Content-Security-Policy", HeadersConfig.PAGE_POLICY, "Cache-Control", "no-cache");
        });
    }
}
