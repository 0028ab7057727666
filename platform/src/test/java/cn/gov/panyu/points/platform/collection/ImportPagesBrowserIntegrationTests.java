package cn.gov.panyu.points.platform.collection;

import static cn.gov.panyu.points.platform.collection.CollectionFixtures.market;
import static cn.gov.panyu.points.platform.collection.CollectionFixtures.marketHeader;
import static cn.gov.panyu.points.platform.collection.CollectionFixtures.uscc;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.gov.panyu.points.platform.BrowserTestSupport;
import cn.gov.panyu.points.platform.HeadlessChromium;
import cn.gov.panyu.points.platform.PlatformIntegrationTest;

@PlatformIntegrationTest
class ImportPagesBrowserIntegrationTests extends BrowserTestSupport {

    @Test
    void staffUploadSeeTheReportLoadTheValidRowsWithAProgressBarAndFindTheImportListed(@TempDir Path dir)
            throws IOException {
        HeadlessChromium.signIn(browser, url(""), "staff");
        Path file = dir.resolve("市场监管名录.csv");
        Files.writeString(file, String.join("\n", marketHeader(), market(uscc(), "广州番禺浏览器测试科技有限公司"),
                uscc() + ",错误镇街公司,不存在镇,C39,2015-06-30,", "91440113MA59ABCDE0,坏代码公司,南村镇,C39,2015-06-30,") + "\n",
                StandardCharsets.UTF_8);

        browser.get(url("/collection/imports/new"));
        HeadlessChromium.screenshot(browser, "collection-upload");
        new Select(browser.findElement(By.id("source"))).selectByValue("MARKET");
        browser.findElement(By.id("year")).clear();
        browser.findElement(By.id("year")).sendKeys("2034");
        browser.findElement(By.id("file")).sendKeys(file.toString());
        HeadlessChromium.submitAndWait(browser, browser.findElement(By.cssSelector("#upload-form button[type=submit]")));

        assertThat(browser.findElement(By.id("report-errors")).getText()).contains("有 2 行不符合规则");
        assertThat(browser.findElements(By.cssSelector(".app-report-group"))).as("one group per rule broken").hasSize(2);
        assertThat(browser.findElements(By.cssSelector(".app-report-rows tbody tr"))).hasSize(2);
        assertThat(browser.findElement(By.id("report-download")).getText()).contains("2 条");
        assertThat(browser.findElements(By.id("load-all"))).isEmpty();
        HeadlessChromium.screenshot(browser, "collection-report");

        browser.findElement(By.id("load-valid")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> !d.findElements(By.id("job-result")).isEmpty());
        assertThat(browser.findElement(By.id("job-result")).getText()).contains("已导入 1 行", "跳过了 2 行");
        HeadlessChromium.screenshot(browser, "collection-job");

        HeadlessChromium.submitAndWait(browser, browser.findElement(By.id("back-to-list")));
        assertThat(browser.findElement(By.id("imports-table")).getText()).contains("市场监管名录.csv", "已导入（仅有效行）");
        HeadlessChromium.screenshot(browser, "collection-imports");

        HeadlessChromium.submitAndWait(browser, browser.findElement(By.cssSelector("#imports-table a.btn-outline-danger")));
        assertThat(browser.findElement(By.id("rollback-what")).getText()).contains("市场监管名录.csv");
        HeadlessChromium.screenshot(browser, "collection-rollback");

        browser.get(url("/collection/conflicts"));
        HeadlessChromium.screenshot(browser, "collection-conflicts");
        browser.get(url("/collection/anomalies"));
        HeadlessChromium.screenshot(browser, "collection-anomalies");
    }
}
