package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mainstay.test.MainstayApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Swagger UI at {@code /docs} works in a real browser: it renders every path of {@code /openapi.json},
 * and "Try it out" on a public endpoint gets its 200. {@code OpenApiDocumentTest} checks the document;
 * only a browser shows that the page's scripts load under its Content-Security-Policy.
 *
 * <p>Uses Debian's {@code chromium} and {@code chromium-driver} (never a downloaded browser). Without
 * {@code /usr/bin/chromedriver} the test is skipped with a message, and fails under {@code CI=true}.
 * The screenshot of the last state is saved as {@code target/swagger-ui.png}.
 */
class SwaggerUiBrowserTest {
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Duration RENDER_TIMEOUT = Duration.ofSeconds(30);
    /** Public, and answers 200 in every profile. */
    private static final String TRIED_PATH = "/health/live";

    @RegisterExtension
    static final MainstayApp app = MainstayApp.of(App::configure).withRandomKey("security.jwt.secret");

    @Test
    void listsEveryPathOfTheDocumentAndTriesAPublicEndpoint(@TempDir Path profile) throws Exception {
        requireBrowser();
        ChromeDriver browser = new ChromeDriver(driverService(), options(profile));
        try {
            browser.get(app.baseUri() + "/docs");
            WebDriverWait wait = new WebDriverWait(browser, RENDER_TIMEOUT);
            wait.until(b -> !b.findElements(By.cssSelector(".opblock")).isEmpty());

            Set<String> listed = new TreeSet<>();
            for (WebElement path : browser.findElements(By.cssSelector(".opblock-summary-path"))) {
                listed.add(path.getDomAttribute("data-path"));
            }
            assertEquals(documentedPaths(), listed, "paths in Swagger UI vs /openapi.json");

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
        } finally {
            saveScreenshot(browser);
            browser.quit();
        }
    }

    /** The first match inside {@code parent}, or {@code null} (which keeps a {@link WebDriverWait} waiting). */
    private static WebElement firstOrNull(WebElement parent, String css) {
        List<WebElement> found = parent.findElements(By.cssSelector(css));
        return found.isEmpty() ? null : found.get(0);
    }

    private static void requireBrowser() {
        boolean present = Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
        String missing = "no " + CHROMEDRIVER + " or " + CHROMIUM + ": install Debian's chromium and chromium-driver";
        if (!present && "true".equals(System.getenv("CI"))) {
            fail(missing + " (CI=true: the browser test must run)");
        }
        if (!present) {
            System.err.println("[SwaggerUiBrowserTest] skipped: " + missing);
        }
        assumeTrue(present, missing);
    }

    private static ChromeDriverService driverService() {
        // The system driver, by path: Selenium Manager would otherwise try to download one.
        return new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
    }

    /** Headless, and without the background traffic a fresh Chromium profile would start. */
    private static ChromeOptions options(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,2000",
                "--user-data-dir=" + profile);
        return options;
    }

    private static Set<String> documentedPaths() throws Exception {
        JsonNode document = new ObjectMapper().readTree(app.client().get("/openapi.json").body());
        Set<String> paths = new TreeSet<>();
        document.path("paths").fieldNames().forEachRemaining(paths::add);
        assertTrue(paths.contains(TRIED_PATH), TRIED_PATH + " is not in /openapi.json");
        return paths;
    }

    private static void saveScreenshot(ChromeDriver browser) {
        try {
            byte[] png = browser.getScreenshotAs(OutputType.BYTES);
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target", "swagger-ui.png"), png);
        } catch (Exception e) {
            // A failed screenshot must not hide the assertion that failed before it.
            System.err.println("[SwaggerUiBrowserTest] no screenshot: " + e);
        }
    }
}
