package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.test.MainstayApp;
import dev.mainstay.test.MetricsScrape;
import dev.mainstay.test.browser.HeadlessChromium;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web client at {@code /} in a real browser: the notes flow, the session surviving a reload and
 * an expired access token, note text shown as text, and logout. Uses the test kit's
 * {@link HeadlessChromium}: skipped with a message without Chromium, a failure then under {@code CI=true}.
 *
 * <p>The access token lives one minute here ({@code security.jwt.access-ttl}, the shortest allowed,
 * with no clock skew), so that {@link #anExpiredAccessTokenIsRenewedOnceAndTheActionGoesThrough} can
 * wait past it.
 */
class WebClientBrowserTest {
    private static final String PASSWORD = "a browser test password";
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final Duration ACCESS_TTL = Duration.ofMinutes(1);

    @RegisterExtension
    static final MainstayApp app = MainstayApp.of(App::configure)
            .withRandomKey("security.jwt.secret")
            .with("security.jwt.access-ttl", "1m")
            .with("security.jwt.clock-skew", "0s");

    private HeadlessChromium chromium;
    private ChromeDriver browser;
    private WebDriverWait wait;
    private String email;

    @BeforeEach
    void openThePage() {
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
        // The list is redrawn after each change: an element found just before can go stale, so look again.
        wait = new WebDriverWait(browser, TIMEOUT);
        wait.ignoring(StaleElementReferenceException.class);
        email = "browser-" + UUID.randomUUID() + "@example.com";
        browser.get(app.baseUri() + "/");
        waitUntilShown("signed-out");
    }

    @AfterEach
    void closeTheBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void registersCreatesListsNewestFirstEditsAndDeletes() {
        registerAndLogIn();
        addNote("first", "one");
        addNote("second", "two");
        addNote("third", "three");
        assertEquals(List.of("third", "second", "first"), titles());

        click("second", "edit");
        type("note-title", "second, edited");
        browser.findElement(By.id("save")).click();
        waitForTitles(List.of("third", "second, edited", "first"));
        click("first", "delete");
        waitForTitles(List.of("third", "second, edited"));
    }

    @Test
    void loadsMoreNotesWithTheCursor() {
        registerAndLogIn();
        for (int i = 1; i <= 6; i++) {
            addNote("note " + i, "");
        }
        assertEquals(List.of("note 6", "note 5", "note 4", "note 3", "note 2"), titles(), "one page of five");

        browser.findElement(By.id("load-more")).click();
        waitForTitles(List.of("note 6", "note 5", "note 4", "note 3", "note 2", "note 1"));
        wait.until(b -> !b.findElement(By.id("load-more")).isDisplayed());
    }

    @Test
    void aReloadKeepsTheSessionAndNoScriptCanReadAToken() {
        registerAndLogIn();
        addNote("kept", "across a reload");

        browser.navigate().refresh();

        waitUntilShown("signed-in");
        waitForTitles(List.of("kept"));
        assertEquals(email, browser.findElement(By.id("who")).getText());
        assertEquals("", script("return document.cookie;"), "the refresh cookie is HttpOnly");
        assertEquals(0L, script("return localStorage.length + sessionStorage.length;"), "web storage");
        Map<String, Object> cookie = refreshCookie();
        assertEquals(true, cookie.get("httpOnly"));
        assertEquals(true, cookie.get("secure"));
        assertEquals("Strict", cookie.get("sameSite"));
        assertEquals("/api/auth", cookie.get("path"));
    }

    @Test
    void anExpiredAccessTokenIsRenewedOnceAndTheActionGoesThrough() throws InterruptedException {
        registerAndLogIn();
        double before = refreshes(app.client().metrics());

        // Waits for the clock itself: the access token must be past its exp, which nothing signals.
        Thread.sleep(ACCESS_TTL.plusSeconds(2).toMillis());
        addNote("after expiry", "still works");

        assertEquals(List.of("after expiry"), titles());
        // Counted after its response was written, so the scrape waits for it.
        app.client().awaitMetrics(m -> refreshes(m) == before + 1);
    }

    @Test
    void showsMarkupInANoteAsTextAndRunsNone() {
        String attack = "<img src=x onerror=\"window.__xss=1\">";
        registerAndLogIn();

        addNote(attack, "<script>window.__xss=2</script>");

        assertEquals(List.of(attack), titles());
        assertEquals(0L, script("return document.querySelectorAll('#notes img, #notes script').length;"));
        assertNull(script("return window.__xss;"), "window.__xss");
    }

    @Test
    void logoutEndsTheSessionAndTheOldCookieIsRefused() {
        registerAndLogIn();
        String oldCookie = "refresh_token=" + refreshCookie().get("value");

        browser.findElement(By.id("logout")).click();
        waitUntilShown("signed-out");
        browser.navigate().refresh();
        waitUntilShown("signed-out");
        assertFalse(browser.findElement(By.id("signed-in")).isDisplayed(), "the notes are hidden");

        // Replayed outside the browser, as curl would: the token was revoked at logout.
        assertEquals(401, app.client().post("/api/auth/refresh", null, "X-Auth-Mode", "cookie", "Cookie", oldCookie)
                .statusCode());
    }

    @Test
    void savesAScreenshotOfTheNotesPage() {
        registerAndLogIn();
        addNote("Buy milk", "and bread");
        addNote("Read RFC 9700", "OAuth 2.0 Security Best Current Practice");
        addNote("Plan the release", "Tag, build the image, roll out.");

        assertTrue(chromium.screenshot(Path.of("target", "web-client.png")), "target/web-client.png");
    }

    private void registerAndLogIn() {
        type("email", email);
        type("password", PASSWORD);
        browser.findElement(By.id("register")).click();
        waitUntilShown("signed-in");
        assertEquals(email, browser.findElement(By.id("who")).getText());
    }

    private void addNote(String title, String body) {
        int count = titles().size();
        type("note-title", title);
        type("note-body", body);
        browser.findElement(By.id("save")).click();
        wait.until(b -> titles().size() == Math.min(count + 1, 5) && titles().get(0).equals(title));
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private void waitUntilShown(String id) {
        wait.until(b -> b.findElement(By.id(id)).isDisplayed());
    }

    private void waitForTitles(List<String> expected) {
        wait.until(b -> titles().equals(expected));
    }

    /** The titles on the page, read in one script so that a list being redrawn is never half-read. */
    @SuppressWarnings("unchecked")
    private List<String> titles() {
        return (List<String>) script("return [...document.querySelectorAll('#notes li h2')].map(h => h.textContent);");
    }

    /** Clicks a button ({@code edit} or {@code delete}) of the note titled {@code title}. */
    private void click(String title, String button) {
        wait.until(b -> {
            for (WebElement item : b.findElements(By.cssSelector("#notes li"))) {
                if (item.findElement(By.tagName("h2")).getText().equals(title)) {
                    item.findElement(By.cssSelector("button." + button)).click();
                    return true;
                }
            }
            return false;
        });
    }

    private Object script(String javascript) {
        return browser.executeScript(javascript);
    }

    /** The refresh cookie as the browser stores it, read through DevTools: page scripts cannot see it. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> refreshCookie() {
        Map<String, Object> answer = browser.executeCdpCommand("Network.getAllCookies", Map.of());
        return ((List<Map<String, Object>>) answer.get("cookies")).stream()
                .filter(cookie -> "refresh_token".equals(cookie.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the browser holds no refresh_token cookie"));
    }

    /** Successful refreshes counted by the request timer. */
    private static double refreshes(MetricsScrape scrape) {
        return scrape.sum("http_server_requests_seconds_count", "uri", "/api/auth/refresh", "status", "200");
    }
}
