/**
 * Browser tests in headless Chromium: {@link dev.mainstay.test.browser.HeadlessChromium} starts
 * Debian's {@code chromium} through the system {@code chromedriver}, headless, without the sandbox and
 * without background traffic, and skips the test with a message when the browser is missing (a
 * failure under {@code CI=true}).
 *
 * <p>Selenium is an optional dependency of the kit: a project that uses this package adds
 * {@code org.seleniumhq.selenium:selenium-java} with test scope.
 */
package dev.mainstay.test.browser;
