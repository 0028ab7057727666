package cn.gov.panyu.points.platform.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.gov.panyu.points.platform.BrowserTestSupport;
import cn.gov.panyu.points.platform.HeadlessChromium;
import cn.gov.panyu.points.platform.demo.DemoDistrictTest;

/**
 * The consent round trip as people do it: the enterprise sees its score and advice, lets the demo bank see
 * its report, the bank officer finds it, the enterprise revokes, and the bank no longer sees it. Also looks
 * at the public pages an anonymous visitor reaches from the home page.
 */
@DemoDistrictTest
class PortalBrowserIntegrationTests extends BrowserTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theEnterpriseTriesItsOwnFiguresAndSeesTheNewTotalInPlace() {
        signIn("ent");
        HeadlessChromium.open(browser, url("/my"), By.id("what-if-form"));
        WebElement patents = browser.findElement(By.id("wi-ip_class1"));
        patents.clear();
        patents.sendKeys("12");
        // Enter in the field, as a person would: the charts above draw after load and move the button while a
        // click aims at it
        patents.sendKeys(Keys.ENTER);
        // htmx replaces the block in place: wait for the result rather than a new page
        WebElement total = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("what-if-total")));

        assertThat(total.getText()).matches("[0-9,]+\\.[0-9]{2}");
        assertThat(browser.findElement(By.id("what-if-rank")).getText()).matches("第 [0-9]+ 名 / [0-9,]+ 家（估计）|不参加排名.*");
        assertThat(browser.findElement(By.id("wi-ip_class1")).getAttribute("value")).isEqualTo("12");
        assertThat(browser.findElement(By.id("my-name")).isDisplayed()).as("still the same page").isTrue();
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                browser.findElement(By.id("what-if-title")));
        HeadlessChromium.screenshot(browser, "portal-what-if");
    }

    @Test
    void enterpriseGrantsBankSeesEnterpriseRevokesBankNoLongerSees() {
        String uscc = PortalFixture.demoEnterprise(jdbc);
        String name = jdbc.sql("select name from enterprise where uscc = ?").param(uscc).query(String.class).single();
        PortalFixture.withoutConsents(jdbc, uscc);

        signIn("ent");
        browser.get(url("/my"));
        assertThat(browser.findElement(By.id("my-name")).getText()).isEqualTo(name);
        assertThat(browser.findElement(By.id("score-total")).getText()).matches("[0-9,]+\\.[0-9]{2}");
        assertThat(browser.findElements(By.cssSelector("#advice-list li"))).isNotEmpty()
                .allSatisfy(li -> assertThat(li.getText()).contains("预计总分 +"));
        waitFor("#my-radar svg");
        waitFor("#score-history svg");
        tallScreenshot("portal-my", 3200);

        browser.get(url("/my/consents"));
        new Select(browser.findElement(By.id("c-bank"))).selectByValue("DEMO-BANK");
        HeadlessChromium.submitAndWait(browser, browser.findElement(By.id("grant-submit")));
        assertThat(browser.findElement(By.id("flash-notice")).getText()).startsWith("已授权");
        assertThat(browser.findElement(By.id("consent-table")).getText()).contains("合作银行番禺支行（演示）").contains("有效");
        HeadlessChromium.screenshot(browser, "portal-consents");

        signIn("bank");
        browser.get(url("/bank/enterprises"));
        assertThat(browser.findElement(By.id("bank-enterprises")).getText()).contains(name).contains(uscc);
        HeadlessChromium.screenshot(browser, "bank-list");
        HeadlessChromium.submitAndWait(browser, browser.findElement(By.linkText(name)));
        assertThat(browser.findElement(By.id("enterprise-name")).getText()).isEqualTo(name);
        assertThat(browser.findElement(By.id("key-figures")).getText()).contains("营业收入");
        waitFor("#score-history svg");
        tallScreenshot("bank-report", 2600);

        signIn("ent");
        browser.get(url("/my/consents"));
        WebElement revoke = browser.findElement(By.cssSelector("#consent-table form button"));
        revoke.click();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();
        // the form is submitted once the dialog is accepted: wait for the next page before reading it
        HeadlessChromium.awaitPageLeft(browser, revoke);
        assertThat(browser.findElement(By.id("flash-notice")).getText()).startsWith("已撤销授权");

        signIn("bank");
        browser.get(url("/bank/enterprises"));
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain(name).contains("暂无授权企业");
        browser.get(url("/bank/enterprises/" + uscc));
        assertThat(browser.getPageSource()).doesNotContain(name);
    }

    @Test
    void anonymousVisitorsReachThePublicListsAndMethodologyFromTheHomePage() {
        browser.manage().deleteAllCookies();
        browser.get(url("/"));
        HeadlessChromium.submitAndWait(browser, browser.findElement(By.cssSelector("#home-public a[href='/public/rankings']")));

        assertThat(browser.getTitle()).startsWith("创新积分榜单公示");
        assertThat(browser.findElements(By.cssSelector("#public-list tbody tr"))).isNotEmpty();
        tallScreenshot("public-rankings", 1800);

        HeadlessChromium.open(browser, url("/public/methodology"), By.id("indicator-table"));
        assertThat(browser.findElements(By.cssSelector("#indicator-table tbody tr:not(.table-light)"))).hasSize(18);
        waitFor("#weights-chart canvas, #weights-chart svg");
        tallScreenshot("public-methodology", 2400);
    }

    private void signIn(String user) {
        browser.manage().deleteAllCookies();
        HeadlessChromium.signIn(browser, url(""), user);
    }

    private void waitFor(String css) {
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> !d.findElements(By.cssSelector(css)).isEmpty());
    }

    private static void tallScreenshot(String name, int height) {
        browser.manage().window().setSize(new Dimension(1440, height));
        HeadlessChromium.screenshot(browser, name);
        browser.manage().window().setSize(new Dimension(1440, 1000));
    }

}
