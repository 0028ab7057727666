package cn.gov.panyu.points.platform.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.gov.panyu.points.platform.BrowserTestSupport;
import cn.gov.panyu.points.platform.HeadlessChromium;
import cn.gov.panyu.points.platform.demo.DemoDistrictTest;

/** Staff search the demo district, narrow it to a list and open an enterprise, as in a browser. */
@DemoDistrictTest
class EnterprisePagesBrowserIntegrationTests extends BrowserTestSupport {

    @Test
    void staffFilterTheListAndOpenAnEnterprisesScore() {
        HeadlessChromium.signIn(browser, url(""), "staff");
        browser.manage().window().setSize(new Dimension(1440, 1000));
        browser.get(url("/enterprises"));

        assertThat(browser.getTitle()).startsWith("企业名录");
        assertThat(browser.findElement(By.cssSelector(".app-menu-link.active")).getText()).isEqualTo("企业名录");
        assertThat(browser.findElements(By.cssSelector("#enterprise-table tbody tr"))).hasSize(20);
        HeadlessChromium.screenshot(browser, "enterprise-list");

        new Select(browser.findElement(By.id("f-stage"))).selectByVisibleText("成长期");
        new Select(browser.findElement(By.id("f-tier"))).selectByVisibleText("领跑");
        HeadlessChromium.submitAndWait(browser, browser.findElement(By.cssSelector(".app-filters button[type=submit]")));

        assertThat(browser.findElements(By.cssSelector("#enterprise-table tbody tr"))).isNotEmpty()
                .allSatisfy(row -> assertThat(row.findElement(By.cssSelector(".app-tier")).getText()).isEqualTo("领跑"));
        assertThat(browser.findElement(By.cssSelector(".app-filters #f-tier option[selected]")).getText()).isEqualTo("领跑");
        HeadlessChromium.screenshot(browser, "enterprise-list-filtered");

        WebElement first = browser.findElement(By.cssSelector("#enterprise-table tbody tr a"));
        String name = first.getText();
        HeadlessChromium.submitAndWait(browser, first);

        assertThat(browser.findElement(By.id("enterprise-name")).getText()).isEqualTo(name);
        assertThat(browser.findElement(By.cssSelector(".breadcrumb-item.active")).getText()).isEqualTo(name);
        assertThat(browser.findElement(By.id("score-rank")).getText()).matches("第 \\d+ 名 / \\d+ 家");
        assertThat(browser.findElements(By.cssSelector("#breakdown-table tbody tr"))).hasSize(18);
        // the history chart is drawn by ECharts from the page's data attributes
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(d -> !d.findElements(By.cssSelector("#score-history svg")).isEmpty());
        browser.manage().window().setSize(new Dimension(1440, 2600));
        HeadlessChromium.screenshot(browser, "enterprise-detail");
        browser.manage().window().setSize(new Dimension(1440, 1000));
    }

    @Test
    void anEmptySearchSaysWhatToDoNext() {
        HeadlessChromium.signIn(browser, url(""), "staff");
        browser.get(url("/enterprises?q=没有这家企业"));

        assertThat(browser.findElement(By.cssSelector(".app-empty-title")).getText()).isEqualTo("没有符合条件的企业");
        HeadlessChromium.screenshot(browser, "enterprise-list-empty");
    }

}
