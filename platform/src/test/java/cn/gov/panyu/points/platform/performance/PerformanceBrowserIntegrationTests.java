package cn.gov.panyu.points.platform.performance;

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
 * Staff find the bureau's own declaration of the demo district from the menu, and walk its three pages —
 * declaration, monitoring (the latest data year: measures computed from the district's records) and
 * self-evaluation — at 1440 px, with screenshots of each.
 */
@DemoDistrictTest
class PerformanceBrowserIntegrationTests extends BrowserTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void staffWalkDeclarationMonitoringAndSelfEvaluation() {
        int year = LocalDate.now().getYear();
        long current = id(year);
        long latest = id(year - 1);

        HeadlessChromium.signIn(browser, url(""), "staff");
        browser.manage().window().setSize(new Dimension(1440, 1000));
        HeadlessChromium.open(browser, url("/performance"), By.id("perf-declarations"));
        assertThat(browser.findElement(By.cssSelector(".app-menu-link.active")).getText()).isEqualTo("预算绩效");
        assertThat(browser.findElement(By.id("perf-declarations")).getText()).contains(year + "").contains("广州市番禺区科技工业商务和信息化局");
        HeadlessChromium.screenshot(browser, "performance-list");

        HeadlessChromium.open(browser, url("/performance/" + current), By.id("perf-indicators"));
        assertThat(browser.findElement(By.id("perf-budget")).getText()).contains("4,992.53").contains("45,591.49");
        WebElement indicators = browser.findElement(By.id("perf-indicators"));
        assertThat(indicators.getText()).contains("生态效益指标").contains("（本项未设指标）").contains("高新技术企业认定通过率（%）");
        assertThat(browser.findElement(By.id("perf-weight-total")).getText()).contains("分值合计 90");
        browser.manage().window().setSize(new Dimension(1440, 3400));
        HeadlessChromium.screenshot(browser, "performance-declaration");

        // the budget edited: an amount with a stray character is refused at its field, nothing saved; corrected, saved
        browser.manage().window().setSize(new Dimension(1440, 5200)); // the whole form, its save button in view
        HeadlessChromium.open(browser, url("/performance/" + current + "/edit"), By.id("perf-form-edit"));
        WebElement basic = browser.findElement(By.id("basic"));
        basic.clear();
        basic.sendKeys("4,992.53元");
        HeadlessChromium.submitAndWait(browser, browser.findElement(By.id("perf-form-save")));
        assertThat(browser.findElement(By.id("perf-invalid")).getText()).contains("基本支出（万元）：应为数字");
        assertThat(browser.findElement(By.cssSelector("#basic.is-invalid")).getAttribute("value")).isEqualTo("4,992.53元");
        HeadlessChromium.screenshot(browser, "performance-edit-refused");
        basic = browser.findElement(By.id("basic"));
        basic.clear();
        basic.sendKeys("4992.53");
        HeadlessChromium.submitAndWait(browser, browser.findElement(By.id("perf-form-save")));
        assertThat(browser.findElement(By.id("flash-notice")).getText()).contains("已保存");
        assertThat(browser.findElement(By.id("perf-budget")).getText()).contains("4,992.53").contains("45,591.49");

        browser.manage().window().setSize(new Dimension(1440, 1000));
        HeadlessChromium.open(browser, url("/performance/" + latest + "/monitoring"), By.id("perf-monitoring"));
        String monitoring = browser.findElement(By.id("perf-monitoring")).getText();
        assertThat(monitoring).contains("新认定高新技术企业数").contains("研发投入强度").contains("达成");
        assertThat(browser.findElement(By.id("perf-counts")).getText()).contains("达成").contains("无法判断");
        browser.manage().window().setSize(new Dimension(1440, 2600));
        HeadlessChromium.screenshot(browser, "performance-monitoring");

        // an actual entered by hand, with its evidence, shows on the monitoring page
        browser.manage().window().setSize(new Dimension(1440, 1400));
        HeadlessChromium.open(browser, url("/performance/" + latest + "/monitoring"), By.id("perf-monitoring"));
        WebElement satisfaction = browser.findElements(By.cssSelector("#perf-monitoring tbody tr")).stream()
                .filter(r -> r.getText().contains("服务对象满意度")).findFirst().orElseThrow();
        String indicator = satisfaction.findElement(By.linkText("填报")).getAttribute("href");
        browser.manage().window().setSize(new Dimension(1440, 2200)); // the whole page, its buttons in view
        HeadlessChromium.open(browser, indicator, By.id("value"));
        browser.findElement(By.id("value")).sendKeys("93.5");
        browser.findElement(By.id("evidence")).sendKeys("年度服务对象满意度问卷（回收 412 份）");
        HeadlessChromium.screenshot(browser, "performance-indicator");
        HeadlessChromium.submitAndWait(browser, browser.findElement(By.id("perf-actual-save")));
        assertThat(browser.findElement(By.id("flash-notice")).getText()).contains("已填报");
        assertThat(browser.findElement(By.id("perf-monitoring")).getText()).contains("93.5%").contains("年度服务对象满意度问卷");

        browser.manage().window().setSize(new Dimension(1440, 3000));
        HeadlessChromium.open(browser, url("/performance/" + latest + "/evaluation"), By.id("perf-scores"));
        browser.findElement(By.id("executed")).sendKeys("43311.92");
        browser.findElement(By.id("achievements")).sendKeys("高新技术企业培育、研发投入等指标按平台数据核算，总体完成年度目标。");
        HeadlessChromium.submitAndWait(browser, browser.findElement(By.id("perf-narrative-save")));
        assertThat(browser.findElement(By.id("flash-notice")).getText()).contains("自评已保存");
        assertThat(browser.findElement(By.id("perf-result")).getText()).contains("95.00%").contains("9.50 / 10");
        assertThat(browser.findElement(By.id("perf-grade")).getText()).isIn("优", "良", "中", "差");
        HeadlessChromium.screenshot(browser, "performance-evaluation");
    }

    private long id(int year) {
        return jdbc.sql("select id from performance_declaration where budget_year = ?").param(year).query(Long.class).single();
    }
}
