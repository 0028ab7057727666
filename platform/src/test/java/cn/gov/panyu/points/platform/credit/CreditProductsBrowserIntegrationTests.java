package cn.gov.panyu.points.platform.credit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

import cn.gov.panyu.points.platform.BrowserTestSupport;
import cn.gov.panyu.points.platform.HeadlessChromium;
import cn.gov.panyu.points.platform.demo.DemoDistrictTest;

/**
 * A bank officer publishes a 积分贷 product from the menu — first with mistakes, shown at their inputs —
 * and then finds it judged on a consenting enterprise's report, as in a browser.
 */
@DemoDistrictTest
class CreditProductsBrowserIntegrationTests extends BrowserTestSupport {

    @Test
    void aBankPublishesAProductAndSeesItOnAConsentedEnterprisesReport() {
        HeadlessChromium.signIn(browser, url(""), "bank");
        browser.manage().window().setSize(new Dimension(1440, 1000));
        HeadlessChromium.open(browser, url("/bank/products"), By.id("new-product"));
        assertThat(browser.findElement(By.cssSelector(".app-menu-link.active")).getText()).isEqualTo("积分贷产品");
        HeadlessChromium.submitAndWait(browser, browser.findElement(By.id("new-product")));
        browser.manage().window().setSize(new Dimension(1440, 2000)); // the whole form, its button in view

        // the defaults: every negative circumstance excluded, cap 1,000 万元
        assertThat(browser.findElements(By.cssSelector("input[name=excludedNegatives]:checked"))).hasSize(4);
        assertThat(browser.findElement(By.id("cap")).getAttribute("value")).isEqualTo("1000");
        type("baseRun", "200");
        type("baseLead", "五百");
        type("bands", "60 = 1\n80 = 1.2");
        type("termMonths", "12");
        type("rateCeiling", "4.35");
        HeadlessChromium.submitAndWait(browser, browser.findElement(By.id("save-product")));

        assertThat(browser.findElement(By.id("product-form-invalid")).getText()).isEqualTo("表单有 2 处问题，请按提示修改。");
        assertThat(feedback("name")).isEqualTo("产品名称不能为空");
        assertThat(browser.findElement(By.id("bankCode")).getAttribute("value")).isEqualTo("合作银行番禺支行（演示）");
        assertThat(feedback("baseLead")).startsWith("基础额度（领跑）：应为数字");
        HeadlessChromium.screenshot(browser, "credit-product-form-problems");

        type("name", "科创积分贷（浏览器测试）");
        type("baseLead", "300");
        HeadlessChromium.submitAndWait(browser, browser.findElement(By.id("save-product")));

        browser.manage().window().setSize(new Dimension(1440, 1000));
        assertThat(browser.findElement(By.id("flash-notice")).getText()).contains("科创积分贷（浏览器测试）");
        assertThat(browser.findElement(By.id("credit-products")).getText()).contains("科创积分贷（浏览器测试）")
                .contains("竞跑及以上").contains("1,000").contains("有效");
        // a bank's list has no bank column: every row has as many cells as the header
        int columns = browser.findElements(By.cssSelector("#credit-products thead th")).size();
        assertThat(browser.findElements(By.cssSelector("#credit-products thead th"))).noneMatch(th -> th.getText().startsWith("银行"));
        assertThat(browser.findElements(By.cssSelector("#credit-products tbody tr")))
                .allSatisfy(row -> assertThat(row.findElements(By.tagName("td"))).hasSize(columns));
        HeadlessChromium.screenshot(browser, "credit-products-bank");

        HeadlessChromium.open(browser, url("/bank/enterprises"), By.cssSelector("#bank-enterprises tbody tr a"));
        HeadlessChromium.submitAndWait(browser, browser.findElement(By.cssSelector("#bank-enterprises tbody tr a")));
        WebElement offers = browser.findElement(By.id("credit-offers"));
        assertThat(offers.getText()).contains("本行积分贷产品").contains("科创积分贷（浏览器测试）");
        assertThat(offers.findElements(By.cssSelector("#offers-table tbody tr"))).isNotEmpty();
        browser.manage().window().setSize(new Dimension(1440, 1400));
        HeadlessChromium.screenshot(browser, "credit-offers-report");
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private String feedback(String id) {
        WebElement field = browser.findElement(By.id(id));
        assertThat(field.getAttribute("class")).contains("is-invalid");
        return field.findElement(By.xpath("following-sibling::div[contains(@class,'invalid-feedback')]")).getText();
    }
}
