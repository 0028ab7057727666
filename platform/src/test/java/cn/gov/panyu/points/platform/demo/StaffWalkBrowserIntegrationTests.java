package cn.gov.panyu.points.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestPropertySource;

import cn.gov.panyu.points.platform.BrowserTestSupport;
import cn.gov.panyu.points.platform.HeadlessChromium;
import cn.gov.panyu.points.platform.PlatformIntegrationTest;
import cn.gov.panyu.points.platform.collection.DataSource;
import cn.gov.panyu.points.platform.collection.DepartmentImports;
import cn.gov.panyu.points.platform.evaluation.NoticePeriods;

/**
 * A staff member's working day in a real browser, end to end: five departments' files are already in,
 * the sixth (知识产权) arrives and is uploaded through the page, then the year is evaluated, put on notice,
 * published, and the tier list shows the result. A database of its own, so that the year's counts are
 * exactly this walk's, on every run.
 */
@PlatformIntegrationTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:staff-walk;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class StaffWalkBrowserIntegrationTests extends BrowserTestSupport {

    private static final int YEAR = 2087;
    private static final int SIZE = 300;
    /** The invention patents the uploaded file gives one enterprise: far beyond anyone else's. */
    private static final int INVENTIONS = 480;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DepartmentImports imports;

    @Test
    void importRunNoticePublishAndTheTierList(@TempDir Path dir) throws IOException {
        DemoDistrict district = new DemoDistrict(87_087L, YEAR, SIZE);
        loadAllDepartmentsBut(DataSource.IP, district);
        List<String> ipFile = new ArrayList<>(List.of(new String(district.csv(DataSource.IP, YEAR), StandardCharsets.UTF_8)
                .split("\n")));
        String target = district.records(YEAR).stream().filter(r -> r.negatives().isEmpty()).findFirst().orElseThrow().uscc();
        boostInventions(ipFile, target);
        Path file = dir.resolve("知识产权-" + YEAR + ".csv");
        Files.writeString(file, String.join("\n", ipFile) + "\n", StandardCharsets.UTF_8);

        HeadlessChromium.signIn(browser, url(""), "staff");

        browser.get(url("/collection/imports/new"));
        new Select(browser.findElement(By.id("source"))).selectByValue("IP");
        browser.findElement(By.id("year")).clear();
        browser.findElement(By.id("year")).sendKeys(String.valueOf(YEAR));
        browser.findElement(By.id("file")).sendKeys(file.toString());
        HeadlessChromium.submitAndWait(browser, browser.findElement(By.cssSelector("#upload-form button[type=submit]")));
        assertThat(browser.findElement(By.id("report-ok")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("report-valid")).getText()).isEqualTo(String.valueOf(SIZE));
        browser.findElement(By.id("load-all")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> !d.findElements(By.id("job-result")).isEmpty());
        assertThat(browser.findElement(By.id("job-result")).getText()).contains("已导入 " + SIZE + " 行");
        HeadlessChromium.screenshot(browser, "walk-1-imported");
        assertThat(jdbc.sql("select invention_granted from enterprise_year where uscc = ? and data_year = ?")
                .params(target, YEAR).query(Integer.class).single()).as("the upload reached the merged record").isEqualTo(INVENTIONS);

        browser.get(url("/evaluation/runs"));
        new Select(browser.findElement(By.id("start-year"))).selectByValue(String.valueOf(YEAR));
        HeadlessChromium.submitAndWait(browser, browser.findElement(By.cssSelector("#start-form button[type=submit]")));
        HeadlessChromium.reloadUntilPresent(browser, By.id("notice-button"), Duration.ofSeconds(90));
        assertThat(browser.findElement(By.id("run-message")).getText()).contains("已完成：评价 " + SIZE + " 家企业");
        HeadlessChromium.screenshot(browser, "walk-2-run");

        confirmNextDialog();
        HeadlessChromium.submitAndWait(browser, browser.findElement(By.id("notice-button")));
        assertThat(browser.findElement(By.id("flash-notice")).getText()).startsWith("已进入公示");
        // a week of 公示 later (ADR 0011: publishing waits for the notice period)
        String runPage = browser.getCurrentUrl();
        NoticePeriods.endedYesterday(jdbc, Long.parseLong(runPage.substring(runPage.lastIndexOf('/') + 1)));
        HeadlessChromium.open(browser, runPage, By.id("publish-button"));
        confirmNextDialog();
        HeadlessChromium.submitAndWait(browser, browser.findElement(By.id("publish-button")));
        assertThat(browser.findElement(By.id("flash-notice")).getText()).startsWith("已发布");
        HeadlessChromium.screenshot(browser, "walk-3-published");

        String stage = jdbc.sql("""
                        select s.stage from score_result s join publication p on p.run_id = s.run_id
                        where p.data_year = ? and s.uscc = ?""").params(YEAR, target).query(String.class).single();
        List<String> leaders = jdbc.sql("""
                        select s.name from score_result s join publication p on p.run_id = s.run_id
                        where p.data_year = ? and s.stage = ? and s.tier = 'LEAD' order by s.rank_in_stage""")
                .params(YEAR, stage).query(String.class).list();
        assertThat(leaders).isNotEmpty();
        HeadlessChromium.open(browser, url("/rankings?year=" + YEAR + "&stage=" + stage + "&tier=LEAD&size=100&sort=rank"),
                By.cssSelector("#result-table tbody tr"));
        List<String> shown = browser.findElements(By.cssSelector("#result-table tbody tr")).stream()
                .map(row -> row.getText()).toList();
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(shown).as("the tier list at %s: %s", browser.getCurrentUrl(), page.substring(0, Math.min(800, page.length())))
                .hasSameSizeAs(leaders);
        for (int i = 0; i < leaders.size(); i++) {
            assertThat(shown.get(i)).contains(leaders.get(i), "领跑");
        }
        HeadlessChromium.screenshot(browser, "walk-4-tier-list");
    }

    /** The registry and the other departments' data, loaded the way the demo loader does. */
    private void loadAllDepartmentsBut(DataSource uploaded, DemoDistrict district) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "staff", "", AuthorityUtils.createAuthorityList("ROLE_STAFF")));
        try {
            for (DataSource source : DemoDistrictLoader.importOrder()) {
                if (source != uploaded) {
                    assertThat(imports.load(source, YEAR, source.label() + ".csv", district.csv(source, YEAR), false, "staff")
                            .changed()).as(source.label()).isTrue();
                }
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Gives one enterprise of the file {@link #INVENTIONS} inventions and as many class I rights. */
    private static void boostInventions(List<String> lines, String uscc) {
        List<String> header = List.of(lines.get(0).split(","));
        for (int i = 1; i < lines.size(); i++) {
            String[] row = lines.get(i).split(",", -1);
            if (row[header.indexOf("uscc")].equals(uscc)) {
                row[header.indexOf("invention_granted")] = String.valueOf(INVENTIONS);
                row[header.indexOf("ip_class1")] = String.valueOf(INVENTIONS);
                lines.set(i, String.join(",", row));
                return;
            }
        }
        throw new AssertionError(uscc + " is not in the file");
    }

    private static void confirmNextDialog() {
        ((JavascriptExecutor) browser).executeScript("window.confirm = () => true;");
    }

}
