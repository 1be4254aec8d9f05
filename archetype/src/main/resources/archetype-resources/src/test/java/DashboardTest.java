package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mainstay.test.MainstayApp;
import dev.mainstay.test.MetricsScrape;
import dev.mainstay.test.TestClient;
import dev.mainstay.test.database.DatabaseServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * grafana/dashboard.json queries only series this service really publishes, each for one application:
 * a renamed meter or a dropped binder fails here, not as an empty panel in production.
 */
class DashboardTest {
    private static final Path DASHBOARD = Path.of("grafana", "dashboard.json");
    private static final String PASSWORD = "correct horse battery staple";

    /** A metric name followed by its label matchers, e.g. {@code up{job="x"}}. */
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{([^}]*)}");
    /** What may stand in a query outside a selector: PromQL's functions, aggregations and keywords. */
    private static final Set<String> PROMQL = Set.of(
            "sum", "max", "min", "avg", "count", "by", "without", "rate", "irate", "increase",
            "histogram_quantile", "le", "on", "ignoring", "and", "or", "unless");

    @RegisterExtension
    static final MainstayApp app = MainstayApp.of(App::configure)
            .withRandomKey("security.jwt.secret")
            .with("app.name", "dashboard-test")
            // One failed login throttles the account, so one more request shows a 429.
            .with("security.throttle.account-limit", "1")
            .database(DatabaseServer.H2);

    private static final String REQUESTS = "http_server_requests_seconds_count";

    private static List<String> queries;
    private static MetricsScrape scrape;

    @BeforeAll
    static void trafficThenScrape() throws IOException {
        queries = queries(new ObjectMapper().readTree(DASHBOARD.toFile()));
        TestClient client = app.client();
        String email = "dashboard-" + UUID.randomUUID() + "@example.com";
        Map<String, String> wrong = Map.of("email", email, "password", "not the password");

        assertEquals(201, client.post("/api/auth/register", Map.of("email", email, "password", PASSWORD)).statusCode());
        assertEquals(401, client.post("/api/auth/login", wrong).statusCode());
        assertEquals(429, client.post("/api/auth/login", wrong).statusCode());
        // jvm_gc_pause_seconds appears only after a first collection, reported on another thread.
        System.gc();

        // The login panel's route template, with the statuses this traffic produced.
        scrape = client.awaitMetrics(m -> m.has("jvm_gc_pause_seconds_count")
                && m.has(REQUESTS, "uri", "/api/auth/login", "status", "401")
                && m.has(REQUESTS, "uri", "/api/auth/login", "status", "429"));
    }

    @Test
    void everyQueriedSeriesIsPublishedForThisApplication() {
        Set<String> published = seriesOf("dashboard-test");
        Set<String> missing = new TreeSet<>();
        for (String query : queries) {
            Matcher selector = SELECTOR.matcher(query);
            while (selector.find()) {
                if (!published.contains(selector.group(1))) {
                    missing.add(selector.group(1));
                }
            }
        }
        assertTrue(missing.isEmpty(), "queried by the dashboard but not in /metrics: " + missing);
    }

    @Test
    void everySelectorFiltersOnTheApplication() {
        for (String query : queries) {
            Matcher selector = SELECTOR.matcher(query);
            boolean any = false;
            while (selector.find()) {
                any = true;
                assertTrue(selector.group(2).contains("application=\"$application\""),
                        "selector without application=\"$application\": " + selector.group() + " in " + query);
            }
            assertTrue(any, "no metric selector in " + query);
            // A metric named without braces would escape the check above.
            for (String word : withoutSelectorsAndStrings(query)) {
                assertTrue(PROMQL.contains(word), "bare metric name or unknown word '" + word + "' in " + query);
            }
        }
    }

    @Test
    void aPanelShowsTheLoginSeriesTheTrafficProduced() {
        assertTrue(queries.stream().anyMatch(q -> q.contains("uri=\"/api/auth/login\"")), "login panel");
    }

    /** Every {@code expr} of every panel, rows included. */
    private static List<String> queries(JsonNode dashboard) {
        List<String> found = new ArrayList<>();
        dashboard.findValues("expr").forEach(expr -> found.add(expr.asText()));
        assertFalse(found.isEmpty(), "no expr in " + DASHBOARD);
        return found;
    }

    /** The names of the series in the scrape that carry {@code application="<name>"}. */
    private static Set<String> seriesOf(String application) {
        Set<String> names = new TreeSet<>();
        scrape.toString().lines()
                .filter(line -> !line.startsWith("#") && line.contains("application=\"" + application + "\""))
                .forEach(line -> names.add(line.substring(0, line.indexOf('{'))));
        assertFalse(names.isEmpty(), "no series for application " + application + " in:\n" + scrape);
        return names;
    }

    private static List<String> withoutSelectorsAndStrings(String query) {
        String rest = SELECTOR.matcher(query).replaceAll(" ")
                .replaceAll("\"[^\"]*\"", " ")
                .replaceAll("\\[[^]]*]", " ") // range durations such as [$__rate_interval]
                // label lists of by (...), on (...) and the like are not metrics
                .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " $1 ");
        List<String> words = new ArrayList<>();
        Matcher word = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*").matcher(rest);
        while (word.find()) {
            words.add(word.group());
        }
        return words;
    }
}
