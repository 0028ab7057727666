package cn.gov.panyu.points.platform.contest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.gov.panyu.points.platform.BrowserTestSupport;
import cn.gov.panyu.points.platform.HeadlessChromium;
import cn.gov.panyu.points.platform.TestEnterprises;
import cn.gov.panyu.points.platform.TestUsers;
import cn.gov.panyu.points.platform.collection.YearRecordMerge;
import cn.gov.panyu.points.platform.demo.DemoDistrictTest;
import cn.gov.panyu.points.platform.evaluation.EvaluationRuns;
import cn.gov.panyu.points.platform.scoremodel.ScoreModels;

/**
 * 双创大赛 as people use it: staff create a contest and import its entries, assign the demo expert, who declares
 * and scores in the workspace; staff read the screening list and record an award, and the next year's run gives
 * the enterprise the contest bonus, with the award shown as the source of its record.
 */
@DemoDistrictTest
class ContestBrowserIntegrationTests extends BrowserTestSupport {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    YearRecordMerge merge;
    @Autowired
    EvaluationRuns runs;
    @Autowired
    ScoreModels models;

    @Test
    void importAssignScoreScreenAwardAndTheNextRunsBonus(@TempDir Path dir) throws Exception {
        int year = jdbc.sql("select max(data_year) from published_score").query(Integer.class).single();
        String uscc = jdbc.sql("""
                        select uscc from published_score where data_year = ? and eligible and stage = 'MATURE'
                        order by uscc desc limit 1""").param(year).query(String.class).single().strip();
        String contestName = TestEnterprises.uniqueName("番禺区青蓝国际创新创业大赛");
        Path file = dir.resolve("参赛项目.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            ContestFixture.entries(out, List.of(List.of("智慧医疗影像平台", "影像团队", "陈一", uscc, "", "成长组"),
                    List.of("柔性电子皮肤", "柔电团队", "林二", "", "番禺柔电科技工作室", "初创组")));
        }

        browser.manage().window().setSize(new Dimension(1440, 1100));
        HeadlessChromium.signIn(browser, url(""), "staff");
        HeadlessChromium.open(browser, url("/contests"), By.id("new-contest"));
        assertThat(browser.findElement(By.cssSelector(".app-menu-link.active")).getText()).isEqualTo("双创大赛");
        HeadlessChromium.submitAndWait(browser, browser.findElement(By.id("new-contest")));
        type("name", contestName);
        type("year", String.valueOf(year));
        HeadlessChromium.submitAndWait(browser, browser.findElement(By.id("contest-save")));
        assertThat(browser.findElement(By.id("flash-notice")).getText()).contains(contestName);

        browser.findElement(By.id("entries-file")).sendKeys(file.toAbsolutePath().toString());
        HeadlessChromium.submitAndWait(browser, browser.findElement(By.id("import-submit")));
        assertThat(browser.findElement(By.id("import-report")).getText()).contains("已导入 2 个参赛项目", "柔性电子皮肤", "企业名录中没有此名称的企业");
        HeadlessChromium.screenshot(browser, "contest-import");

        WebElement entry = row("智慧医疗影像平台");
        new Select(entry.findElement(By.name("expert"))).selectByValue("expert");
        HeadlessChromium.submitAndWait(browser, entry.findElement(By.cssSelector(".app-assign button")));
        assertThat(row("智慧医疗影像平台").getText()).contains("评审专家（演示）", "待声明利益冲突");

        signOut();
        HeadlessChromium.signIn(browser, url(""), "expert");
        HeadlessChromium.open(browser, url("/expert"), By.id("assignments"));
        WebElement link = browser.findElement(By.linkText("智慧医疗影像平台"));
        HeadlessChromium.submitAndWait(browser, link);
        HeadlessChromium.submitAndWait(browser, browser.findElement(By.cssSelector("#declare-none button")));
        List<WebElement> inputs = browser.findElements(By.cssSelector("#score-form input[name^=score_]"));
        String[] scores = {"28", "22", "18", "12", "8"};
        for (int i = 0; i < inputs.size(); i++) {
            inputs.get(i).sendKeys(scores[i]);
        }
        HeadlessChromium.submitAndWait(browser, browser.findElement(By.id("submit-scores")));
        assertThat(browser.findElement(By.id("score-total")).getText()).isEqualTo("您的合计：88 分");
        HeadlessChromium.screenshot(browser, "contest-expert-scores");

        signOut();
        HeadlessChromium.signIn(browser, url(""), "staff");
        long contest = jdbc.sql("select id from contest where name = ?").param(contestName).query(Long.class).single();
        HeadlessChromium.open(browser, url("/contests/" + contest + "/screening"), By.id("screening"));
        String list = browser.findElement(By.id("screening")).getText();
        assertThat(list).contains("智慧医疗影像平台", "88.00（1 位）", "柔性电子皮肤", "尚无已提交的专家评分");
        HeadlessChromium.screenshot(browser, "contest-screening");

        // the next year's data of the enterprise arrives (as the departments deliver it), before the award
        int next = year + 1;
        ContestFixture.copyYear(jdbc, uscc, year, next);
        merge.rebuild(uscc, next);
        long before = TestUsers.asStaff(() -> runs.runNow(next, models.activeModelId(), "staff"));
        BigDecimal bonusBefore = jdbc.sql("select bonus from score_result where run_id = ? and uscc = ?").params(before, uscc)
                .query(BigDecimal.class).single();

        HeadlessChromium.open(browser, url("/contests/" + contest), By.id("entries"));
        WebElement awarded = row("智慧医疗影像平台");
        new Select(awarded.findElement(By.name("award"))).selectByVisibleText("一等奖");
        HeadlessChromium.submitAndWait(browser, awarded.findElement(By.cssSelector(".app-award button")));
        assertThat(browser.findElement(By.id("flash-notice")).getText()).contains("已记录一等奖");

        // the next run, started from the runs page: the enterprise's bonus now holds B2 双创大赛获奖 (+40)
        HeadlessChromium.open(browser, url("/evaluation/runs"), By.id("start-year"));
        new Select(browser.findElement(By.id("start-year"))).selectByValue(String.valueOf(next));
        HeadlessChromium.submitAndWait(browser, browser.findElement(By.cssSelector("#start-form button[type=submit]")));
        HeadlessChromium.reloadUntilPresent(browser, By.id("result-table"), Duration.ofSeconds(90));
        WebElement result = browser.findElements(By.cssSelector("#result-table tbody tr")).stream()
                .filter(r -> r.getText().contains(uscc)).findFirst().orElseThrow();
        String bonus = result.findElements(By.tagName("td")).get(6).getText();
        assertThat(new BigDecimal(bonus.replace(",", ""))).isEqualByComparingTo(bonusBefore.add(BigDecimal.valueOf(40)));
        HeadlessChromium.screenshot(browser, "contest-next-run");

        HeadlessChromium.open(browser, url("/enterprises/" + uscc + "?year=" + next), By.id("source-table"));
        WebElement flag = browser.findElements(By.cssSelector("#source-table tbody tr")).stream()
                .filter(r -> r.getText().startsWith("近三年双创大赛获奖")).findFirst().orElseThrow();
        assertThat(flag.getText()).contains("是", "来源：双创大赛 " + year + " 一等奖（" + contestName + "）");
        browser.manage().window().setSize(new Dimension(1440, 2400)); // the whole data table, the flag's row in view
        HeadlessChromium.screenshot(browser, "contest-award-provenance");
    }

    private WebElement row(String project) {
        return browser.findElements(By.cssSelector("#entries tbody tr")).stream().filter(r -> r.getText().contains(project))
                .findFirst().orElseThrow(() -> new AssertionError("no entry " + project));
    }

    private void signOut() {
        HeadlessChromium.submitAndWait(browser, browser.findElement(By.cssSelector("header form[action='/logout'] button")));
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }
}
