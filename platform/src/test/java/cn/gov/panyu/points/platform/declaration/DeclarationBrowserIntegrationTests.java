package cn.gov.panyu.points.platform.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.gov.panyu.points.platform.BrowserTestSupport;
import cn.gov.panyu.points.platform.HeadlessChromium;
import cn.gov.panyu.points.platform.PlatformIntegrationTest;
import cn.gov.panyu.points.platform.SignIn;
import cn.gov.panyu.points.platform.account.Role;
import cn.gov.panyu.points.platform.account.UserAccounts;

/**
 * The whole review loop in a browser: the enterprise fills a draft and submits it; staff return it
 * with a comment; the enterprise corrects and resubmits; staff approve. The test context has no demo
 * district (so no demo "ent" account): the enterprise user is created here, one per run.
 */
@PlatformIntegrationTest
class DeclarationBrowserIntegrationTests extends BrowserTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts accounts;

    @Test
    void enterpriseDeclaresStaffReturnEnterpriseResubmitsStaffApprove() {
        int year = DeclarationTestData.year();
        String uscc = DeclarationTestData.enterprise(jdbc, "广州番禺创新示范科技有限公司");
        DeclarationTestData.taxRecord(jdbc, uscc, year, 5200.0, 310.0);
        String user = "ent-" + uscc.substring(8).toLowerCase(java.util.Locale.ROOT);
        accounts.create(user, SignIn.DEMO_PASSWORD, "广州番禺创新示范科技有限公司", Role.ENTERPRISE, uscc, null);

        // the enterprise fills a draft: one mistake first, the form keeps what was typed
        HeadlessChromium.signIn(browser, url(""), user);
        HeadlessChromium.submitAndWait(browser, browser.findElement(By.id("menu-collection-declare")));
        HeadlessChromium.screenshot(browser, "declaration-list");
        HeadlessChromium.submitAndWait(browser, browser.findElement(By.cssSelector("#declaration-years a[href='/declarations/" + year + "']")));
        type("f-revenue_y0", "5,200");
        type("f-rd_expense", "360");
        type("f-employees", "48");
        type("f-rd_staff", "60");
        type("f-total_assets", "8600");
        click(By.id("f-qualifications-HTE"));
        saveDraft();
        assertThat(browser.findElement(By.id("f-rd_staff-error")).getText()).isEqualTo("不得大于职工总数（职工总数为 48）");
        assertThat(browser.findElement(By.id("f-total_assets")).getAttribute("value")).isEqualTo("8600");
        HeadlessChromium.screenshot(browser, "declaration-form-errors");
        type("f-rd_staff", "16");
        saveDraft();
        assertThat(browser.findElement(By.id("declaration-notice")).getText()).isEqualTo("草稿已保存。");
        assertThat(browser.findElement(By.id("declaration-status")).getText()).isEqualTo("草稿");
        HeadlessChromium.screenshot(browser, "declaration-draft");

        // ... and submits it after confirming
        click(By.id("open-submit"));
        confirm("confirm-submit", "declaration-submit-confirm");
        assertThat(browser.findElement(By.id("declaration-status")).getText()).isEqualTo("已提交");
        signOut();

        // staff find it in the queue and return it with a comment
        HeadlessChromium.signIn(browser, url(""), "staff");
        browser.get(url("/declarations/review?q=" + uscc));
        HeadlessChromium.screenshot(browser, "declaration-queue");
        HeadlessChromium.submitAndWait(browser, browser.findElement(By.cssSelector("#queue-table a.btn")));
        assertThat(browser.findElement(By.id("difference-count")).getText()).isEqualTo("1 项与部门数据不一致");
        HeadlessChromium.screenshot(browser, "declaration-review");
        browser.findElement(By.id("comment")).sendKeys("研发费用与税务数据（310 万元）不一致，请核对后修改。");
        click(By.id("open-return"));
        confirm("confirm-return", "declaration-return-confirm");
        assertThat(browser.findElement(By.id("declaration-status")).getText()).isEqualTo("已退回");
        signOut();

        // the enterprise sees the comment, corrects and resubmits
        HeadlessChromium.signIn(browser, url(""), user);
        browser.get(url("/declarations/" + year));
        assertThat(browser.findElement(By.id("review-comment")).getText()).contains("研发费用与税务数据（310 万元）不一致");
        HeadlessChromium.screenshot(browser, "declaration-returned");
        type("f-rd_expense", "310");
        click(By.id("open-submit"));
        confirm("confirm-submit", null);
        assertThat(browser.findElement(By.id("declaration-status")).getText()).isEqualTo("已提交");
        signOut();

        // staff approve
        HeadlessChromium.signIn(browser, url(""), "staff");
        browser.get(url("/declarations/review?q=" + uscc));
        HeadlessChromium.submitAndWait(browser, browser.findElement(By.cssSelector("#queue-table a.btn")));
        assertThat(browser.findElement(By.id("difference-count")).getText()).isEqualTo("0 项与部门数据不一致");
        click(By.id("open-approve"));
        confirm("confirm-approve", "declaration-approve-confirm");
        assertThat(browser.findElement(By.id("declaration-status")).getText()).isEqualTo("已通过");
        assertThat(browser.findElement(By.id("history-table")).getText())
                .contains("审核通过", "退回修改", "提交审核", "研发费用", "360.00 万元", "310.00 万元");
        HeadlessChromium.screenshot(browser, "declaration-approved");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('history').scrollIntoView({block: 'start', behavior: 'instant'})");
        HeadlessChromium.screenshot(browser, "declaration-history");

        assertThat(jdbc.sql("select total_assets from enterprise_year where uscc = :u and data_year = :y")
                .param("u", uscc).param("y", year).query(Double.class).single()).isEqualTo(8600.0);
        signOut();
    }

    /** Clicks like a user who first scrolls the element to the middle of the window (clear of the sticky bar). */
    private void click(By by) {
        inView(by).click();
    }

    /** Saves the form and waits for the page the server answers: reading at once may read the old page. */
    private void saveDraft() {
        HeadlessChromium.submitAndWait(browser, inView(By.id("save-draft")));
    }

    private void type(String id, String text) {
        WebElement input = inView(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** The element, scrolled to the middle of the window. */
    private WebElement inView(By by) {
        WebElement e = browser.findElement(by);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", e);
        return e;
    }

    /** Waits for a Bootstrap confirmation dialog, optionally photographs it, and confirms. */
    private void confirm(String buttonId, String screenshot) {
        WebElement button = new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(ExpectedConditions.elementToBeClickable(By.id(buttonId)));
        if (screenshot != null) {
            HeadlessChromium.screenshot(browser, screenshot);
        }
        HeadlessChromium.submitAndWait(browser, button); // the old page may carry a notice too
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("declaration-notice")));
    }

    private void signOut() {
        HeadlessChromium.submitAndWait(browser, browser.findElement(By.cssSelector("form[action='/logout'] button")));
    }

}
