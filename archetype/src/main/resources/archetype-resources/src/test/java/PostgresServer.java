package ${package};

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server of the tests, named by {@code MAINSTAY_TEST_POSTGRES_URL}. Without it the tests
 * that need it are skipped with a message that says how to run them; with {@code CI=true} that is a
 * failure instead, so that a CI run cannot pass without its database.
 */
public final class PostgresServer {
    /** The environment variable that holds the JDBC URL of the server. */
    public static final String URL_VARIABLE = "MAINSTAY_TEST_POSTGRES_URL";

    private PostgresServer() {}

    /** Returns the server's JDBC URL, if one is configured. */
    public static Optional<String> url() {
        String url = System.getenv(URL_VARIABLE);
        return url == null || url.isBlank() ? Optional.empty() : Optional.of(url.trim());
    }

    /** Returns the server's JDBC URL, or skips the calling test (fails it on CI) when there is none. */
    public static String requireUrl() {
        Optional<String> url = url();
        if (url.isEmpty()) {
            String reason = URL_VARIABLE + " is not set, e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true needs PostgreSQL: " + reason);
            }
            System.err.println("[PostgreSQL tests] skipped: " + reason);
            Assumptions.abort(reason);
        }
        return url.get();
    }

    /** Returns {@code url} without its {@code user} and {@code password} parameters. */
    public static String withoutCredentials(String url) {
        int query = url.indexOf('?');
        if (query < 0) {
            return url;
        }
        String kept = Arrays.stream(url.substring(query + 1).split("&"))
                .filter(parameter -> !parameter.startsWith("user=") && !parameter.startsWith("password="))
                .collect(Collectors.joining("&"));
        return url.substring(0, query) + (kept.isEmpty() ? "" : "?" + kept);
    }
}
