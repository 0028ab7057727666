package cn.gov.panyu.points.platform.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.gov.panyu.points.platform.BrowserTestSupport;
import cn.gov.panyu.points.platform.HeadlessChromium;
import cn.gov.panyu.points.platform.PlatformIntegrationTest;
import cn.gov.panyu.points.platform.collection.YearRecordMerge;

@PlatformIntegrationTest
class QualityBrowserIntegrationTests extends BrowserTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    YearRecordMerge merge;

    @Test
    void staffCheckAYearReadTheRankedFlagsAndMarkOneAFalseAlarm() {
        QualityFixture.Year seeded = QualityFixture.seed(jdbc, merge);
        HeadlessChromium.signIn(browser, url(""), "staff");
        HeadlessChromium.open(browser, url("/collection/quality?year=" + seeded.year()), By.id("quality-detect"));

        HeadlessChromium.submitAndWait(browser, browser.findElement(By.cssSelector("#quality-detect button[type=submit]")));
        assertThat(browser.findElement(By.id("collection-notice")).getText()).contains("4 条待核查");
        var rows = browser.findElements(By.cssSelector("#quality-table tbody tr"));
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).getText()).contains("质量测试软件甲", "数据相互矛盾", "研发人员数 30 大于职工总数 20");
        assertThat(rows.get(1).getText()).contains("质量测试电子6号", "中位数 12", "稳健 z 值 13.03");
        HeadlessChromium.screenshot(browser, "quality-queue");

        HeadlessChromium.submitAndWait(browser, rows.get(1).findElement(By.cssSelector("button[value=FALSE_ALARM]")));
        assertThat(browser.findElement(By.id("collection-notice")).getText()).contains("质量测试电子6号", "误报");
        assertThat(browser.findElements(By.cssSelector("#quality-table tbody tr"))).hasSize(3);
    }
}
