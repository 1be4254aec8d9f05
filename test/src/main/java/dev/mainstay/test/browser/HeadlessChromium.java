package dev.mainstay.test.browser;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Chromium for a browser test, driven by Selenium through the system's chromedriver.
 *
 * <pre>{@code
 * try (HeadlessChromium chromium = HeadlessChromium.start()) {   // skips the test without Chromium
 *     ChromeDriver browser = chromium.driver();
 *     browser.get(app.baseUri() + "/");
 *     ...
 *     chromium.screenshot(Path.of("target", "page.png"));
 * }
 * }</pre>
 *
 * <p>It uses Debian's {@code chromium} and {@code chromium-driver} at {@link #CHROMIUM} and
 * {@link #CHROMEDRIVER}, by path, so Selenium Manager never tries to download a driver. Chromium runs
 * headless, without the sandbox (containers and root refuse it), without a GPU, and with its background
 * networking, component updates and sync turned off, so that it makes no connection but the test's.
 * Each instance gets a fresh profile folder, deleted at {@link #close()}, so no cookie or storage
 * leaks from one test into the next.
 *
 * <p>Without the browser, {@link #start} skips the test (a JUnit assumption) and prints why on
 * standard error; under {@code CI=true} it fails instead, so a build machine cannot skip it silently.
 * Not thread-safe: one test thread drives one instance.
 */
public final class HeadlessChromium implements AutoCloseable {
    /** Where Debian's {@code chromium} package puts the browser. */
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** Where Debian's {@code chromium-driver} package puts the driver. */
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static final List<String> ARGUMENTS = List.of(
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--window-size=1280,1600");

    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Starts a browser with a fresh profile, after {@link #requireBrowser()}.
     *
     * @param extraArguments more Chromium switches, e.g. {@code --window-size=800,600} (a later
     *     switch wins)
     * @return the running browser; close it to quit it and delete its profile
     * @throws org.opentest4j.TestAbortedException if Chromium is missing and {@code CI} is not
     *     {@code true}: the test is skipped
     * @throws UncheckedIOException if the profile folder cannot be created
     */
    public static HeadlessChromium start(String... extraArguments) {
        requireBrowser();
        Path profile;
        try {
            profile = Files.createTempDirectory("mainstay-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a Chromium profile folder", e);
        }
        List<String> arguments = new ArrayList<>(ARGUMENTS);
        arguments.add("--user-data-dir=" + profile);
        arguments.addAll(List.of(extraArguments));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(arguments);
        // The system driver, by path: Selenium Manager would otherwise try to download one.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        try {
            return new HeadlessChromium(new ChromeDriver(service, options), profile);
        } catch (RuntimeException e) {
            deleteProfile(profile);
            throw e;
        }
    }

    /**
     * Skips the calling test when Chromium or its driver is missing, printing why; fails it instead
     * when the environment variable {@code CI} is {@code true}.
     *
     * @throws org.opentest4j.TestAbortedException to skip the test
     * @throws org.opentest4j.AssertionFailedError under {@code CI=true}
     */
    public static void requireBrowser() {
        boolean present = Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
        if (present) {
            return;
        }
        String missing = "no " + CHROMEDRIVER + " or " + CHROMIUM + ": install Debian's chromium and chromium-driver";
        if ("true".equals(System.getenv("CI"))) {
            fail(missing + " (CI=true: the browser tests must run)");
        }
        System.err.println("[mainstay-test] browser test skipped: " + missing);
        assumeTrue(false, missing);
    }

    /**
     * Returns the Selenium driver of this browser.
     *
     * @return the driver, valid until {@link #close()}
     */
    public ChromeDriver driver() {
        return driver;
    }

    /**
     * Saves a PNG of the visible page to {@code file}, creating its folder. Never throws: a failed
     * screenshot must not hide the assertion that failed before it, so the reason is printed instead.
     *
     * @param file where to write the PNG, e.g. {@code target/notes.png}
     * @return true if the file was written
     */
    public boolean screenshot(Path file) {
        try {
            byte[] png = driver.getScreenshotAs(OutputType.BYTES);
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            Files.write(file, png);
            return true;
        } catch (IOException | RuntimeException e) {
            System.err.println("[mainstay-test] no screenshot " + file + ": " + e);
            return false;
        }
    }

    /** Quits the browser and its driver, and deletes the profile folder. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile(profile);
        }
    }

    private static void deleteProfile(Path profile) {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A file Chromium removes while it shuts down makes the walk fail; what is left is in the temp folder.
            System.err.println("[mainstay-test] could not delete " + profile + ": " + e);
        }
    }
}
