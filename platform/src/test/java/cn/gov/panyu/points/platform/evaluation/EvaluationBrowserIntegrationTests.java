package cn.gov.panyu.points.platform.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.platform.BrowserTestSupport;
import cn.gov.panyu.points.platform.HeadlessChromium;
import cn.gov.panyu.points.platform.PlatformIntegrationTest;
import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.account.Role;
import cn.gov.panyu.points.platform.scoremodel.ScoreModels;

/**
 * Staff in a real browser: the model pages, then a run from start to the published tier list; an
 * administrator publishing during 公示 with a reason.
 */
@PlatformIntegrationTest
class EvaluationBrowserIntegrationTests extends BrowserTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EvaluationRuns runs;

    @Autowired
    Objections objections;

    @Autowired
    ScoreModels models;

    @Test
    void modelPagesShowIndicatorsWeightsAndEveryProblemOfAnEdit() {
        HeadlessChromium.signIn(browser, url(""), "staff");
        browser.get(url("/models"));
        assertThat(browser.findElement(By.id("model-table")).getText()).contains("panyu-2025");
        HeadlessChromium.screenshot(browser, "models");

        browser.get(url("/indicators"));
        assertThat(browser.findElement(By.id("indicator-table")).getText()).contains("研发费用总额", "分档 2→100%，1→60%");
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(b -> !b.findElements(By.cssSelector("#weights-chart canvas")).isEmpty());
        HeadlessChromium.screenshot(browser, "model-view");

        click(By.xpath("//button[text()='复制为新版本']"));
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(b -> b.getCurrentUrl().endsWith("/form"));
        String draftUrl = browser.getCurrentUrl().replace("/form", "/edit"); // the YAML editor of the new draft
        HeadlessChromium.open(browser, draftUrl, By.id("definition"));
        ((JavascriptExecutor) browser).executeScript(
                "const t = document.getElementById('definition'); t.value = t.value.replace('transform: bands', 'transform: steps')"
                        + ".replace('STARTUP: 80, GROWTH: 80', 'STARTUP: 85, GROWTH: 80');");
        click(By.xpath("//button[text()='保存']"));
        assertThat(browser.findElement(By.id("model-problems")).getText()).contains("未知的变换「steps」", "权重合计为 1005");
        assertThat(browser.findElement(By.id("definition")).getAttribute("value")).contains("transform: steps");
        HeadlessChromium.screenshot(browser, "model-edit-problems");

        browser.get(draftUrl.replace("/edit", ""));
        ((JavascriptExecutor) browser).executeScript("window.confirm = () => true;");
        click(By.xpath("//button[text()='删除']"));
    }

    @Test
    void aRunGoesFromStartThroughNoticeToThePublishedTierList() {
        DistrictFixture.load(jdbc, 9_081, 2081, 600);
        HeadlessChromium.signIn(browser, url(""), "staff");

        browser.get(url("/evaluation/runs"));
        new Select(browser.findElement(By.id("start-year"))).selectByValue("2081");
        HeadlessChromium.submitAndWait(browser, browser.findElement(By.cssSelector("#start-form button[type=submit]")));
        HeadlessChromium.screenshot(browser, "run-started");
        HeadlessChromium.reloadUntilPresent(browser, By.id("notice-button"), Duration.ofSeconds(90));
        assertThat(browser.findElement(By.id("run-message")).getText()).contains("已完成：评价 600 家企业");
        HeadlessChromium.screenshot(browser, "run-draft");

        ((JavascriptExecutor) browser).executeScript("window.confirm = () => true;");
        HeadlessChromium.submitAndWait(browser, browser.findElement(By.id("verify-button")));
        assertThat(browser.findElement(By.id("flash-notice")).getText()).startsWith("重新计算核对一致");
        ((JavascriptExecutor) browser).executeScript("window.confirm = () => true;");
        HeadlessChromium.submitAndWait(browser, browser.findElement(By.id("notice-button")));
        assertThat(browser.findElement(By.id("flash-notice")).getText()).startsWith("已进入公示");
        // the notice runs for a week: the page says so instead of offering 发布
        String runPage = browser.getCurrentUrl();
        assertThat(browser.findElement(By.id("publish-gate")).getText()).contains("暂不能发布", "公示期至",
                LocalDate.now().plusDays(8) + " 起方可发布");
        assertThat(browser.findElements(By.id("publish-button"))).isEmpty();
        HeadlessChromium.screenshot(browser, "run-on-notice");
        browser.get(url("/evaluation/notice"));
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("当前没有公示中的批次");
        HeadlessChromium.screenshot(browser, "notice");
        NoticePeriods.endedYesterday(jdbc, Long.parseLong(runPage.substring(runPage.lastIndexOf('/') + 1)));
        HeadlessChromium.open(browser, runPage, By.id("publish-button"));
        ((JavascriptExecutor) browser).executeScript("window.confirm = () => true;");
        HeadlessChromium.submitAndWait(browser, browser.findElement(By.id("publish-button")));
        assertThat(browser.findElement(By.id("flash-notice")).getText()).startsWith("已发布");
        HeadlessChromium.screenshot(browser, "run-published");

        browser.get(url("/rankings?year=2081&stage=STARTUP"));
        assertThat(browser.findElement(By.id("result-table")).getText()).contains("领跑");
        HeadlessChromium.screenshot(browser, "rankings");

        browser.get(url("/evaluation/runs"));
        HeadlessChromium.screenshot(browser, "runs");
    }

    @Test
    @WithMockUser(username = "staff", roles = "STAFF")
    void anAdministratorPublishesDuringNoticeWithAReasonThatTheAuditLogShows() {
        jdbc.update("delete from objection where run_id in (select id from evaluation_run where data_year = 2139)");
        List<EnterpriseRecord> records = DistrictFixture.load(jdbc, 9_139, 2139, 200);
        long id = runs.runNow(2139, models.activeModelId(), "staff");
        runs.putOnNotice(id, LocalDate.now().plusDays(7), "staff");
        PlatformUser staff = new PlatformUser("staff", "", "业务人员", Role.STAFF, null, null, true, false);
        objections.accept(objections.file(staff, id, records.get(0).uscc(), null, "纳税总额有误"), null, "staff");
        browser.manage().deleteAllCookies();
        HeadlessChromium.signIn(browser, url(""), "admin");

        HeadlessChromium.open(browser, url("/evaluation/runs/" + id), By.id("override-form"));
        assertThat(browser.findElement(By.id("publish-gate")).getText()).contains("公示期至", "有 1 条已受理异议尚未解决",
                records.get(0).name());
        assertThat(browser.findElements(By.id("publish-button"))).isEmpty();
        browser.findElement(By.id("override-reason")).sendKeys("经局务会研究，同意提前发布");
        HeadlessChromium.screenshot(browser, "run-override");
        ((JavascriptExecutor) browser).executeScript("window.confirm = () => true;");
        HeadlessChromium.submitAndWait(browser, browser.findElement(By.id("override-button")));

        assertThat(browser.findElement(By.id("flash-notice")).getText()).startsWith("已越过发布条件发布");
        HeadlessChromium.open(browser, url("/audit?action=PUBLISH_OVERRIDE"), By.cssSelector("main table tbody tr"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("越过发布条件", "经局务会研究，同意提前发布",
                "批次 #" + id);
        HeadlessChromium.screenshot(browser, "audit-override");
    }

    /** Clicks through script: the sticky top bar may overlap a button scrolled to the top edge. */
    private static void click(By by) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].click();", browser.findElement(by));
    }

}
