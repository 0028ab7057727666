package cn.gov.panyu.points.platform.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.gov.panyu.points.platform.BrowserTestSupport;
import cn.gov.panyu.points.platform.HeadlessChromium;
import cn.gov.panyu.points.platform.demo.DemoDistrictTest;

/**
 * Names agree: every menu entry of every role opens a page titled with the entry's label, and the
 * breadcrumbs of that page name it and end at the page itself.
 */
@DemoDistrictTest
class MenuPagesBrowserIntegrationTests extends BrowserTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyMenuEntryOpensAPageOfItsName() {
        Map<String, Integer> entriesPerRole = new LinkedHashMap<>();
        for (String user : List.of("", "admin", "staff", "ent", "bank", "expert")) {
            browser.manage().deleteAllCookies();
            if (!user.isEmpty()) {
                HeadlessChromium.signIn(browser, url(""), user);
            }
            HeadlessChromium.open(browser, url("/"), By.cssSelector("#app-sidebar .app-menu-link"));
            Map<String, String> entries = new LinkedHashMap<>();
            for (WebElement link : browser.findElements(By.cssSelector("#app-sidebar a.app-menu-link"))) {
                entries.put(link.getAttribute("href"), link.getText().strip());
            }
            entriesPerRole.put(user.isEmpty() ? "anonymous" : user, entries.size());

            entries.forEach((href, label) -> {
                HeadlessChromium.open(browser, href, By.cssSelector(".app-breadcrumb"));
                String who = (user.isEmpty() ? "anonymous" : user) + " → " + label + " (" + href + ")";
                assertThat(browser.getTitle()).as(who).contains(label);
                List<WebElement> crumbs = browser.findElements(By.cssSelector(".app-breadcrumb .breadcrumb-item"));
                assertThat(crumbs.get(0).getText()).as(who).isEqualTo("首页");
                assertThat(crumbs).as(who).anySatisfy(crumb -> assertThat(crumb.getText()).contains(label));
                WebElement last = crumbs.get(crumbs.size() - 1);
                assertThat(last.getAttribute("aria-current")).as(who).isEqualTo("page");
                // the entry of the page is the one highlighted
                assertThat(browser.findElement(By.cssSelector("#app-sidebar .app-menu-link.active")).getText().strip())
                        .as(who).isEqualTo(label);
            });
        }
        assertThat(entriesPerRole).containsEntry("anonymous", 3).containsEntry("ent", 9).containsEntry("bank", 8)
                .containsEntry("expert", 4).containsEntry("staff", 27).containsEntry("admin", 29);
    }

    @Test
    void pagesOutsideAndBelowTheMenuEndTheirBreadcrumbsWithTheirTitle() {
        browser.manage().deleteAllCookies();
        HeadlessChromium.signIn(browser, url(""), "staff");

        HeadlessChromium.open(browser, url("/account/password"), By.cssSelector(".app-breadcrumb"));
        assertThat(crumbTexts()).containsExactly("首页", "修改密码");

        HeadlessChromium.open(browser, url("/collection/imports/new"), By.cssSelector(".app-breadcrumb"));
        assertThat(crumbTexts()).containsExactly("首页", "数据采集", "数据导入", "上传部门数据");

        HeadlessChromium.open(browser, url("/evaluation/runs"), By.cssSelector(".app-breadcrumb"));
        assertThat(crumbTexts()).containsExactly("首页", "评价管理", "评价批次");
    }

    @Test
    void theRunPagesAllStagesTabSaysRanksAreWithinEachStage() {
        long run = jdbc.sql("select run_id from publication order by run_id desc limit 1").query(Long.class).single();
        browser.manage().deleteAllCookies();
        HeadlessChromium.signIn(browser, url(""), "staff");

        HeadlessChromium.open(browser, url("/evaluation/runs/" + run), By.cssSelector("#result-table thead"));
        String headings = browser.findElement(By.cssSelector("#result-table thead")).getText();
        assertThat(browser.findElement(By.cssSelector("nav.btn-group .active")).getText()).isEqualTo("全部阶段");
        // ranks restart in every stage: next to the stage column, the heading says so
        assertThat(headings).contains("阶段内排名", "阶段");
    }

    private static List<String> crumbTexts() {
        return browser.findElements(By.cssSelector(".app-breadcrumb .breadcrumb-item")).stream().map(WebElement::getText)
                .map(String::strip).toList();
    }
}
