package cn.gov.panyu.points.platform.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.gov.panyu.points.platform.BrowserTestSupport;
import cn.gov.panyu.points.platform.HeadlessChromium;
import cn.gov.panyu.points.platform.demo.DemoDistrictTest;

/** Staff open the dashboard, see its charts drawn and click a bar through to the enterprises it counts. */
@DemoDistrictTest
class DashboardBrowserIntegrationTests extends BrowserTestSupport {

    /** The colour analytics.js gives the 未上榜 series. */
    private static final String NONE_COLOUR = "#c3ccd8";

    @Test
    void aBarOfTheDashboardOpensTheEnterprisesItCounts() {
        HeadlessChromium.signIn(browser, url(""), "staff");
        // tall enough for the whole page before the charts draw: resizing later redraws them (analytics.js
        // listens to resize) and a bar found before the redraw is clicked where another one now lies
        browser.manage().window().setSize(new Dimension(1440, 3000));
        HeadlessChromium.open(browser, url("/analytics"), By.id("chart-stages"));

        assertThat(browser.getTitle()).startsWith("统计看板");
        assertThat(browser.findElement(By.cssSelector(".app-menu-link.active")).getText()).isEqualTo("统计看板");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        for (String chart : List.of("stages", "trend", "towns", "industries", "qualifications", "medians-GROWTH",
                "averages-GROWTH")) {
            wait.until(d -> !d.findElements(By.cssSelector("#chart-" + chart + "[data-drawn] svg")).isEmpty());
        }
        HeadlessChromium.screenshot(browser, "analytics-dashboard");

        // the tallest 未上榜 bar of the stages chart: a stage's enterprises on no list
        List<WebElement> bars = browser.findElements(By.cssSelector("#chart-stages svg path[fill='" + NONE_COLOUR + "']"));
        WebElement bar = bars.stream().max(Comparator.comparingInt(b -> b.getSize().getHeight())).orElseThrow();
        assertThat(bar.getSize().getHeight()).as("a bar, not a legend mark").isGreaterThan(20);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", bar);
        HeadlessChromium.submitAndWait(browser, bar);

        assertThat(browser.getCurrentUrl()).contains("/enterprises?").contains("tier=NONE").contains("stage=");
        assertThat(browser.getTitle()).startsWith("企业名录");
        assertThat(browser.findElement(By.cssSelector("#f-tier option[selected]")).getText()).isEqualTo("未上榜");
        assertThat(browser.findElements(By.cssSelector("#enterprise-table tbody tr"))).isNotEmpty();
    }

    @Test
    void theLeaderViewShowsLargeNumbersAndItsCharts() {
        HeadlessChromium.signIn(browser, url(""), "staff");
        browser.manage().window().setSize(new Dimension(1440, 1000));
        HeadlessChromium.open(browser, url("/analytics/leader"), By.id("leader-evaluated"));

        assertThat(browser.findElement(By.id("leader-evaluated")).getText()).isEqualTo(String.valueOf(DemoDistrictTest.SIZE));
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector("[data-chart][data-drawn] svg")).size() == 3);
        HeadlessChromium.screenshot(browser, "analytics-leader");
    }
}
