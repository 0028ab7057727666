package cn.gov.panyu.points.platform.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.gov.panyu.points.engine.calibration.BackTest;
import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.Qualification;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.platform.BrowserTestSupport;
import cn.gov.panyu.points.platform.HeadlessChromium;
import cn.gov.panyu.points.platform.PlatformIntegrationTest;
import cn.gov.panyu.points.platform.TestUsers;
import cn.gov.panyu.points.platform.evaluation.DistrictFixture;
import cn.gov.panyu.points.platform.scoremodel.ScoreModels;

/**
 * Staff calibrate a stage, make a draft of it, read its sensitivity report, back-test it against the active
 * model and activate it.
 */
@PlatformIntegrationTest
class CalibrationBrowserIntegrationTests extends BrowserTestSupport {

    private static final int YEAR = 2088;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ScoreModels models;

    @Autowired
    BackTests backTests;

    @Test
    void calibrateDraftSensitivityActivate() {
        List<EnterpriseRecord> district = DistrictFixture.load(jdbc, 9_088, YEAR, 300);
        DistrictFixture.replace(jdbc, YEAR + 1, nextYear(district));
        long original = models.activeModelId();
        browser.manage().window().setSize(new Dimension(1440, 1000));
        HeadlessChromium.signIn(browser, url(""), "staff");
        try {
            HeadlessChromium.open(browser, url("/calibration"), By.id("calibration-form"));
            new Select(browser.findElement(By.id("c-year"))).selectByValue("" + YEAR);
            new Select(browser.findElement(By.id("c-stage"))).selectByVisibleText("成长期");
            new Select(browser.findElement(By.id("c-method"))).selectByValue("CRITIC");
            browser.findElement(By.id("ahp-0-1")).sendKeys("3");
            browser.findElement(By.id("ahp-0-2")).sendKeys("5");
            browser.findElement(By.id("ahp-1-2")).sendKeys("2");
            HeadlessChromium.submitAndWait(browser, browser.findElement(By.id("calibrate")));
            await(By.id("weights-table"));
            String weights = browser.findElement(By.id("weights-table")).getText();
            assertThat(weights).contains("研发费用总额", "技术创新", "1000");
            assertThat(browser.findElement(By.id("ahp-figures")).getText()).contains("一致性比率 CR");
            assertThat(browser.findElement(By.id("calibration-result")).getText()).contains("CRITIC 法");
            browser.manage().window().setSize(new Dimension(1440, 2600));
            HeadlessChromium.screenshot(browser, "calibration-weights");
            browser.manage().window().setSize(new Dimension(1440, 1000));

            HeadlessChromium.submitAndWait(browser, browser.findElement(By.id("create-draft")));
            await(By.id("sensitivity-link"));
            assertThat(browser.findElement(By.id("flash-notice")).getText()).contains("已按校准结果生成草稿模型版本");
            String draftUrl = browser.getCurrentUrl();
            HeadlessChromium.screenshot(browser, "calibration-draft");

            String report = browser.findElement(By.id("sensitivity-link")).getAttribute("href") + "&year=" + YEAR;
            HeadlessChromium.open(browser, report, By.id("stage-GROWTH"));
            String growth = browser.findElement(By.id("stage-GROWTH")).getText();
            assertThat(growth).contains("Spearman 等级相关系数 ρ", "Kendall τ-b", "现行 ＼ 草稿", "排名变化最大的企业");
            assertThat(browser.findElements(By.cssSelector("#stage-GROWTH .app-movers a[href*='/enterprises/']"))).isNotEmpty();
            browser.manage().window().setSize(new Dimension(1440, 3000));
            HeadlessChromium.screenshot(browser, "calibration-sensitivity");
            browser.manage().window().setSize(new Dimension(1440, 1000));

            // the back-test of the draft (model B) against the model in force (model A, nothing published for YEAR)
            long draft = Long.parseLong(draftUrl.substring(draftUrl.lastIndexOf('/') + 1));
            HeadlessChromium.open(browser, browser.findElement(By.id("to-backtest")).getAttribute("href"), By.id("backtest-form"));
            new Select(browser.findElement(By.id("b-year"))).selectByValue("" + YEAR);
            HeadlessChromium.submitAndWait(browser, browser.findElement(By.cssSelector("#backtest-form button[type=submit]")));
            await(By.id("stage-GROWTH"));
            assertThat(new Select(browser.findElement(By.id("b-b"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("" + draft);
            BackTest.Report expected = TestUsers.asStaff(() -> backTests.run(backTests.choose(YEAR, original, draft).orElseThrow()))
                    .report();
            BackTest.Cell lead = expected.a().stage(Stage.GROWTH).row(Tier.LEAD).cell(BackTest.Outcome.REVENUE_GREW, 1);
            String leadRow = browser.findElement(By.xpath("//section[@id='stage-GROWTH']//tbody/tr[th='领跑']")).getText();
            assertThat(leadRow).contains(String.format(Locale.ROOT, "%.1f%%（%d/%d）", lead.share() * 100, lead.yes(), lead.observed()));
            assertThat(browser.findElement(By.id("backtest-summary")).getText()).contains(YEAR + " 年度共 " + expected.cohort() + " 家企业");
            browser.manage().window().setSize(new Dimension(1440, 2400));
            HeadlessChromium.screenshot(browser, "calibration-backtest");
            browser.manage().window().setSize(new Dimension(1440, 1000));

            HeadlessChromium.open(browser, report, By.id("to-draft"));
            HeadlessChromium.submitAndWait(browser, browser.findElement(By.id("to-draft")));
            HeadlessChromium.open(browser, draftUrl, By.xpath("//button[text()='启用']"));
            ((JavascriptExecutor) browser).executeScript("window.confirm = () => true;");
            HeadlessChromium.submitAndWait(browser, browser.findElement(By.xpath("//button[text()='启用']")));
            await(By.id("flash-notice"));
            assertThat(browser.findElement(By.id("flash-notice")).getText()).contains("该版本已启用");
            assertThat(models.activeModelId()).isEqualTo(Long.parseLong(draftUrl.substring(draftUrl.lastIndexOf('/') + 1)));
        } finally {
            // the other tests score with the model they found active
            HeadlessChromium.open(browser, url("/models/" + original), By.id("indicator-table"));
            if (models.activeModelId() != original) {
                ((JavascriptExecutor) browser).executeScript("window.confirm = () => true;");
                HeadlessChromium.submitAndWait(browser, browser.findElement(By.xpath("//button[text()='启用']")));
                await(By.id("flash-notice"));
            }
        }
        assertThat(models.activeModelId()).isEqualTo(original);
    }

    /**
     * The year after: every second enterprise's revenue 10 % up, every third one 高企, so that the back-test has
     * outcomes to count.
     */
    private static List<EnterpriseRecord> nextYear(List<EnterpriseRecord> district) {
        List<EnterpriseRecord> next = new ArrayList<>();
        for (int i = 0; i < district.size(); i++) {
            EnterpriseRecord r = district.get(i);
            double revenue = r.value(InputField.REVENUE_Y0);
            EnterpriseRecord changed = i % 2 == 0 ? r.with(InputField.REVENUE_Y0, revenue * 1.1) : r;
            if (i % 3 == 0) {
                Set<Qualification> q = EnumSet.of(Qualification.HTE);
                q.addAll(r.qualifications());
                changed = changed.withQualifications(q);
            }
            next.add(changed);
        }
        return next;
    }

    private static void await(By element) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> !b.findElements(element).isEmpty());
    }
}
