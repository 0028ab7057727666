package cn.gov.panyu.points.platform.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.gov.panyu.points.platform.BrowserTestSupport;
import cn.gov.panyu.points.platform.HeadlessChromium;
import cn.gov.panyu.points.platform.demo.DemoDistrictTest;

/**
 * The credit loop as people do it in a browser, on the demo district: the demo enterprise finds the demo bank's
 * product in its 金融超市 with its line and applies; the bank officer finds the application in the inbox, accepts
 * it and records the loan; the enterprise sees it granted; staff find it in the credit totals.
 */
@DemoDistrictTest
class CreditMarketBrowserIntegrationTests extends BrowserTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void anEnterpriseAppliesTheBankAcceptsAndRecordsTheLoanAndStaffSeeItInTheTotals() {
        long product = jdbc.sql("select min(id) from credit_product where bank_code = 'DEMO-BANK'").query(Long.class).single();
        String productName = jdbc.sql("select name from credit_product where id = ?").param(product).query(String.class).single();

        HeadlessChromium.signIn(browser, url(""), "ent");
        browser.manage().window().setSize(new Dimension(1440, 1200));
        HeadlessChromium.open(browser, url("/my/market"), By.id("eligible-products"));
        assertThat(browser.findElement(By.cssSelector(".app-menu-link.active")).getText()).isEqualTo("金融超市");
        WebElement offer = browser.findElement(By.id("offer-" + product));
        assertThat(offer.getText()).contains(productName).contains("万元").contains("核定依据：").contains("基础额度");
        HeadlessChromium.screenshot(browser, "credit-market");

        HeadlessChromium.submitAndWait(browser, browser.findElement(By.id("apply-" + product)));
        assertThat(browser.findElement(By.id("apply-consent")).getText()).contains("合作银行番禺支行（演示）");
        type("amount", "120");
        type("purpose", "购置研发检测设备");
        type("contactName", "陈经理");
        type("contactPhone", "020-84600000");
        HeadlessChromium.submitAndWait(browser, browser.findElement(By.id("apply-submit")));
        assertThat(browser.findElement(By.id("flash-notice")).getText()).contains("已提交申请");
        assertThat(browser.findElement(By.id("application-status")).getText()).isEqualTo("已提交");
        long id = Long.parseLong(browser.getCurrentUrl().replaceFirst(".*/", ""));
        HeadlessChromium.screenshot(browser, "credit-application-enterprise");

        browser.manage().deleteAllCookies();
        HeadlessChromium.signIn(browser, url(""), "bank");
        HeadlessChromium.open(browser, url("/bank/applications"), By.id("applications-table"));
        assertThat(browser.findElement(By.id("applications-table")).getText()).contains("#" + id).contains("已提交");
        HeadlessChromium.screenshot(browser, "credit-applications-bank");
        HeadlessChromium.open(browser, url("/bank/applications/" + id), By.id("decide-form"));
        HeadlessChromium.submitAndWait(browser, browser.findElement(By.id("decide-accept")));
        assertThat(browser.findElement(By.id("application-status")).getText()).isEqualTo("已受理");
        type("loan-amount", "100");
        type("loan-rate", "3.65");
        type("loan-term", "12");
        assertThat(browser.findElement(By.id("loan-date")).getAttribute("value")).isEqualTo(LocalDate.now().toString());
        HeadlessChromium.submitAndWait(browser, browser.findElement(By.id("loan-submit")));
        assertThat(browser.findElement(By.id("flash-notice")).getText()).contains("已登记放款");
        assertThat(browser.findElement(By.id("application-status")).getText()).isEqualTo("已放款");
        assertThat(browser.findElement(By.id("application-loan")).getText()).contains("100 万元，年利率 3.65%，期限 12 个月");
        browser.manage().window().setSize(new Dimension(1440, 1400));
        HeadlessChromium.screenshot(browser, "credit-application-bank");

        browser.manage().deleteAllCookies();
        HeadlessChromium.signIn(browser, url(""), "ent");
        HeadlessChromium.open(browser, url("/my/applications/" + id), By.id("application-history"));
        assertThat(browser.findElement(By.id("application-history")).getText()).contains("已提交").contains("已受理").contains("已放款");

        browser.manage().deleteAllCookies();
        HeadlessChromium.signIn(browser, url(""), "staff");
        HeadlessChromium.open(browser, url("/credit/totals?bank=DEMO-BANK&year=" + LocalDate.now().getYear()), By.id("totals-table"));
        String totals = browser.findElement(By.id("totals-table")).getText();
        assertThat(totals).contains("合作银行番禺支行（演示）").contains(String.valueOf(LocalDate.now().getYear()));
        assertThat(browser.findElement(By.id("totals-sum")).getText()).contains("100.00").contains("3.65");
        HeadlessChromium.screenshot(browser, "credit-totals-staff");
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }
}
