package cn.gov.panyu.points.platform.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.gov.panyu.points.platform.BrowserTestSupport;
import cn.gov.panyu.points.platform.HeadlessChromium;
import cn.gov.panyu.points.platform.demo.DemoDistrictTest;
import cn.gov.panyu.points.platform.portal.PortalFixture;

/**
 * The pages enterprises and the public open on a phone, at 390 px (an ordinary phone's CSS width): the page
 * never scrolls sideways (wide tables scroll inside their own box), the menu hides behind its button, and
 * what the visitor came for is on screen.
 */
@DemoDistrictTest
class PhoneLayoutBrowserIntegrationTests extends BrowserTestSupport {

    private static final int PHONE_WIDTH = 390;

    /** Shown elements of the top bar that do not fit in its height (text broken a character per line). */
    private static final String OUTSIDE_TOP_BAR = """
            const bar = document.querySelector('.app-topbar');
            if (!bar) return '';
            const bottom = bar.getBoundingClientRect().bottom;
            return Array.from(bar.querySelectorAll('*')).filter(e => e.offsetParent !== null)
                .filter(e => e.getBoundingClientRect().bottom > bottom + 0.5)
                .map(e => e.tagName + '.' + e.className).join(', ');""";

    /** Table headings taller than two lines: a table squeezed to the screen instead of scrolling in its box. */
    private static final String SQUEEZED_HEADERS = """
            return Array.from(document.querySelectorAll('main table th')).filter(e => e.offsetParent !== null)
                .filter(e => e.getBoundingClientRect().height > 2.5 * parseFloat(getComputedStyle(e).lineHeight))
                .slice(0, 5).map(e => e.textContent.trim()).join(', ');""";

    /** The outermost elements that end beyond the window, to name in a failure. */
    private static final String STICKING_OUT = """
            return Array.from(document.querySelectorAll('body *'))
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
                .filter(e => e.parentElement.getBoundingClientRect().right <= window.innerWidth + 0.5)
                .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))
                .join(', ');""";

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void phone() {
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 844));
    }

    @AfterEach
    void desktop() {
        browser.manage().window().setSize(new Dimension(1440, 1000));
    }

    @Test
    void signInAndRegistrationFitAPhone() {
        HeadlessChromium.open(browser, url("/login"), By.id("username"));
        assertFitsThePhone("phone-login");
        assertVisible(By.id("username"), By.id("password"), By.cssSelector("form button[type=submit]"));

        HeadlessChromium.open(browser, url("/register"), By.id("uscc"));
        assertFitsThePhone("phone-register");
        assertVisible(By.id("uscc"));
    }

    @Test
    void publicListsFitAPhone() {
        HeadlessChromium.open(browser, url("/"), By.id("home-public"));
        assertFitsThePhone("phone-home");
        assertMenuBehindItsButton();

        HeadlessChromium.open(browser, url("/public/rankings"), By.id("public-list"));
        assertFitsThePhone("phone-public-rankings");
        assertVisible(By.cssSelector("#public-list tbody tr td:nth-child(3)"));

        HeadlessChromium.open(browser, url("/public/methodology"), By.id("indicator-table"));
        assertFitsThePhone("phone-public-methodology");
        assertVisible(By.id("indicator-table"));
    }

    @Test
    void enterprisePortalFitsAPhone() {
        HeadlessChromium.signIn(browser, url(""), "ent");
        HeadlessChromium.open(browser, url("/my"), By.id("score-total"));
        assertFitsThePhone("phone-portal-my");
        assertVisible(By.id("my-name"), By.id("score-total"));
        assertMenuBehindItsButton();

        HeadlessChromium.open(browser, url("/my/consents"), By.id("c-bank"));
        assertFitsThePhone("phone-portal-consents");

        HeadlessChromium.open(browser, url("/my/cultivation"), By.id("hte-card"));
        assertFitsThePhone("phone-portal-cultivation");
        assertVisible(By.id("tsme-card"), By.id("hte-card"));
        HeadlessChromium.open(browser, url("/my/market"), By.id("eligible-products"));
        assertFitsThePhone("phone-portal-market");
    }

    @Test
    void bankReportFitsAPhone() {
        String uscc = PortalFixture.demoEnterprise(jdbc);
        PortalFixture.withConsentFor(jdbc, uscc, "DEMO-BANK");
        HeadlessChromium.signIn(browser, url(""), "bank");
        HeadlessChromium.open(browser, url("/bank/enterprises"), By.id("bank-enterprises"));
        assertFitsThePhone("phone-bank-list");

        HeadlessChromium.open(browser, url("/bank/enterprises/" + uscc), By.id("key-figures"));
        assertFitsThePhone("phone-bank-report");
        assertVisible(By.id("enterprise-name"), By.id("key-figures"));
    }

    @Test
    void staffPagesDoNotBreakOnAPhone() {
        HeadlessChromium.signIn(browser, url(""), "staff");
        for (String path : new String[] {"/", "/enterprises", "/evaluation/runs", "/collection/conflicts", "/audit",
                "/cultivation", "/cultivation/pools"}) {
            HeadlessChromium.open(browser, url(path), By.tagName("h1"));
            assertFitsThePhone("phone-staff" + (path.equals("/") ? "-home" : path.replace('/', '-')));
        }
    }

    /** No sideways scrolling of the page itself, and the top bar one line high; saves a screenshot to look at. */
    private void assertFitsThePhone(String screenshot) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        long scrollWidth = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        long innerWidth = ((Number) js.executeScript("return window.innerWidth")).longValue();
        assertThat(innerWidth).isEqualTo(PHONE_WIDTH);
        assertThat(scrollWidth).as("page width at %s; sticking out: %s", browser.getCurrentUrl(), js.executeScript(STICKING_OUT))
                .isLessThanOrEqualTo(innerWidth);
        assertThat(js.executeScript(OUTSIDE_TOP_BAR)).as("top bar content wrapped below the bar at %s",
                browser.getCurrentUrl()).isEqualTo("");
        assertThat(js.executeScript(SQUEEZED_HEADERS)).as("column headings squeezed onto several lines at %s",
                browser.getCurrentUrl()).isEqualTo("");
        HeadlessChromium.screenshot(browser, screenshot);
        browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 2400));
        HeadlessChromium.screenshot(browser, screenshot + "-full");
        browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 844));
    }

    private void assertVisible(By... elements) {
        for (By element : elements) {
            new WebDriverWait(browser, Duration.ofSeconds(5)).until(b -> b.findElement(element).isDisplayed());
            WebElement found = browser.findElement(element);
            // on screen without scrolling sideways (a wide table's far columns may scroll inside the table)
            assertThat(found.getRect().getX()).as("%s starts on screen", element).isBetween(0, PHONE_WIDTH - 1);
            assertThat(found.getRect().getWidth()).as("%s has a width", element).isPositive();
        }
    }

    /** On a phone the menu is a button that opens it, not a column beside the content. */
    private void assertMenuBehindItsButton() {
        assertThat(browser.findElement(By.cssSelector(".app-menu-toggle")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("app-sidebar")).isDisplayed()).isFalse();
        browser.findElement(By.cssSelector(".app-menu-toggle")).click();
        // Bootstrap slides the menu in ("showing") before it is fully open ("show") and clickable
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(b -> {
            String classes = b.findElement(By.id("app-sidebar")).getAttribute("class");
            return classes.contains(" show") && !classes.contains("showing");
        });
        assertThat(browser.findElement(By.cssSelector("#app-sidebar .app-menu-home")).isDisplayed()).isTrue();
        HeadlessChromium.screenshot(browser, "phone-menu-" + browser.findElements(By.cssSelector(".app-user")).size());
        browser.findElement(By.cssSelector("#app-sidebar .btn-close")).click();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(b -> !b.findElement(By.id("app-sidebar")).isDisplayed());
    }
}
