package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mainstay.test.MainstayApp;
import dev.mainstay.test.browser.HeadlessChromium;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Swagger UI at {@code /docs} works in a real browser: it renders every path of {@code /openapi.json},
 * and "Try it out" on a public endpoint gets its 200. {@code OpenApiDocumentTest} checks the document;
 * only a browser shows that the page's scripts load under its Content-Security-Policy.
 *
 * <p>Uses the test kit's {@link HeadlessChromium}: Debian's {@code chromium} and {@code chromium-driver}
 * (never a downloaded browser); without them the test is skipped with a message, and fails under
 * {@code CI=true}. The screenshot of the last state is saved as {@code target/swagger-ui.png}.
 */
class SwaggerUiBrowserTest {
    private static final Duration RENDER_TIMEOUT = Duration.ofSeconds(30);
    /** Public, and answers 200 in every profile. */
    private static final String TRIED_PATH = "/health/live";

    @RegisterExtension
    static final MainstayApp app = MainstayApp.of(App::configure).withRandomKey("security.jwt.secret");

    @Test
    void listsEveryPathOfTheDocumentAndTriesAPublicEndpoint() throws Exception {
        try (HeadlessChromium chromium = HeadlessChromium.start("--window-size=1280,2000")) {
            try {
                tryIt(chromium.driver());
            } finally {
                chromium.screenshot(Path.of("target", "swagger-ui.png"));
            }
        }
    }

    private static void tryIt(ChromeDriver browser) throws Exception {
        browser.get(app.baseUri() + "/docs");
        Set<String> documented = documentedPaths();
        // Waits for the whole list, not the first operation: the UI may render in more than one pass.
        new WebDriverWait(browser, RENDER_TIMEOUT)
                .ignoring(StaleElementReferenceException.class) // React may replace an element we read
                .withMessage(() -> "paths in Swagger UI " + listedPaths(browser) + " vs /openapi.json " + documented)
                .until(b -> listedPaths(b).equals(documented));

        WebDriverWait wait = new WebDriverWait(browser, RENDER_TIMEOUT);
        WebElement operation = browser.findElement(By.xpath(
                "//div[contains(@class,'opblock-get')][.//*[@data-path='" + TRIED_PATH + "']]"));
        operation.findElement(By.cssSelector(".opblock-summary")).click();
        wait.until(b -> firstOrNull(operation, ".try-out__btn")).click();
        wait.until(b -> firstOrNull(operation, ".execute")).click();
        String status = wait.until(b -> {
            List<WebElement> cells = operation.findElements(By.cssSelector(".live-responses-table tbody .response-col_status"));
            return cells.isEmpty() || cells.get(0).getText().isBlank() ? null : cells.get(0).getText().trim();
        });
        assertEquals("200", status, "Try it out on GET " + TRIED_PATH);
    }

    private static Set<String> listedPaths(WebDriver browser) {
        Set<String> listed = new TreeSet<>();
        for (WebElement path : browser.findElements(By.cssSelector(".opblock-summary-path"))) {
            listed.add(path.getDomAttribute("data-path"));
        }
        return listed;
    }

    /** The first match inside {@code parent}, or {@code null} (which keeps a {@link WebDriverWait} waiting). */
    private static WebElement firstOrNull(WebElement parent, String css) {
        List<WebElement> found = parent.findElements(By.cssSelector(css));
        return found.isEmpty() ? null : found.get(0);
    }

    private static Set<String> documentedPaths() throws Exception {
        JsonNode document = new ObjectMapper().readTree(app.client().get("/openapi.json").body());
        Set<String> paths = new TreeSet<>();
        document.path("paths").fieldNames().forEachRemaining(paths::add);
        assertTrue(paths.contains(TRIED_PATH), TRIED_PATH + " is not in /openapi.json");
        return paths;
    }
}
