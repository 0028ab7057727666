package cn.gov.panyu.points.platform;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven headless by Selenium, for tests that look at pages the way a user does.
 *
 * <p>Browser and driver are the system packages {@code chromium} and {@code chromium-driver}
 * (.ci/run installs them) given by explicit path, so Selenium Manager never tries to download one.
 * Other locations can be passed as {@code -Dpoints.test.chromium=…} and {@code -Dwebdriver.chrome.driver=…}.
 */
public final class HeadlessChromium {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String BROWSER = System.getProperty("points.test.chromium", "/usr/bin/chromium");
    private static final String DRIVER = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /**
     * Starts a browser with a fresh profile in {@code profileDir}. Skips the test when Chromium is not
     * installed on a developer's machine, but fails in CI, where a missing browser is a broken set-up.
     */
    public static WebDriver start(Path profileDir) {
        boolean installed = Files.isExecutable(Path.of(BROWSER)) && Files.isExecutable(Path.of(DRIVER));
        if (!installed && System.getenv("CI") == null) {
            Assumptions.abort("Chromium or chromedriver not installed: apt-get install chromium chromium-driver fonts-wqy-microhei");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--hide-scrollbars", "--window-size=1440,1000",
                "--user-data-dir=" + profileDir.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /** Saves what the browser shows to {@code target/screenshots/NAME.png} and returns the file. */
    public static Path screenshot(WebDriver driver, String name) {
        return screenshot(driver, SCREENSHOTS, name);
    }

    /** Saves what the browser shows to {@code dir/NAME.png} and returns the file. */
    public static Path screenshot(WebDriver driver, Path dir, String name) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signs a demo user in through the sign-in page, as a person would. */
    public static void signIn(WebDriver browser, String baseUrl, String username) {
        browser.get(baseUrl + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(SignIn.DEMO_PASSWORD);
        submitAndWait(browser, browser.findElement(By.cssSelector("form button[type=submit]")));
    }

    /**
     * Clicks a form's submit button and waits until the browser has left the page: a test that navigates
     * on at once would abort the form's request (a sign-in or sign-out that then never happened), and one
     * that reads the next page at once may read the old one — a form submitted after a confirmation
     * (data-confirm) navigates after the click has returned.
     */
    public static void submitAndWait(WebDriver browser, WebElement button) {
        button.click();
        awaitPageLeft(browser, button);
    }

    /**
     * Waits until {@code element}'s page has been replaced. Asked while the old document is being torn
     * down, ChromeDriver may answer "does not belong to the document" instead of a stale-element error:
     * that, too, means the page is gone.
     */
    public static void awaitPageLeft(WebDriver browser, WebElement element) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException e) {
                return true;
            } catch (WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
    }

    /** Submits the form {@code field} belongs to (as Enter in the field would) and waits for the next page. */
    public static void submitFormAndWait(WebDriver browser, WebElement field) {
        field.submit();
        awaitPageLeft(browser, field);
    }

    /**
     * Opens {@code url} and waits until {@code expected} is on the page. ChromeDriver's {@code get} may
     * return while the document is still being replaced (seen after a form post's redirect), so a test that
     * looks at once can find nothing on a page that then shows everything; a page that never shows the
     * element fails with the text it did show.
     */
    public static void open(WebDriver browser, String url, By expected) {
        browser.get(url);
        try {
            new WebDriverWait(browser, Duration.ofSeconds(15)).until(b -> !b.findElements(expected).isEmpty());
        } catch (org.openqa.selenium.TimeoutException e) {
            String shown = browser.findElements(By.tagName("body")).stream().map(WebElement::getText).findFirst().orElse("");
            throw new AssertionError("no " + expected + " at " + browser.getCurrentUrl() + " within 15 s; the page showed: "
                    + shown.substring(0, Math.min(1500, shown.length())), e);
        }
    }

    /**
     * Reloads the page every two seconds until {@code element} appears — for pages that show the end of
     * background work (an evaluation run) without polling by themselves.
     */
    public static void reloadUntilPresent(WebDriver browser, By element, Duration timeout) {
        new WebDriverWait(browser, timeout).pollingEvery(Duration.ofSeconds(2)).until(b -> {
            if (b.findElements(element).isEmpty()) {
                b.navigate().refresh();
                return false;
            }
            return true;
        });
    }
}
