package cn.gov.panyu.points.platform.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.gov.panyu.points.platform.BrowserTestSupport;
import cn.gov.panyu.points.platform.HeadlessChromium;
import cn.gov.panyu.points.platform.PlatformIntegrationTest;

@PlatformIntegrationTest
class HomePageBrowserIntegrationTests extends BrowserTestSupport {

    @Test
    void homePageShowsTheFrameWithTheTaskMenu() {
        // the task menu is the staff's: anonymous visitors see only public entries
        HeadlessChromium.signIn(browser, url(""), "staff");
        browser.get(url("/"));

        assertThat(browser.getTitle()).isEqualTo("首页 - 番禺区企业创新积分智能评价平台");
        assertThat(browser.findElement(By.cssSelector(".app-brand-name")).getText())
                .isEqualTo("番禺区企业创新积分智能评价平台");
        assertThat(browser.findElements(By.cssSelector(".app-menu-group-title"))).extracting(WebElement::getText)
                .containsExactly("数据采集", "积分模型", "评价管理", "查询展示", "统计分析", "服务应用", "双创大赛", "绩效管理", "系统管理");
        assertThat(browser.findElement(By.cssSelector(".app-menu-home")).getAttribute("aria-current")).isEqualTo("page");
        assertThat(browser.findElement(By.cssSelector(".app-sidebar")).getText()).doesNotContain("建设中");
        assertThat(browser.findElement(By.id("work-title")).getText()).isEqualTo("待办事项");
        assertThat(browser.findElements(By.cssSelector("#home-work .app-queue-item"))).hasSize(7);

        HeadlessChromium.screenshot(browser, "home");
    }

    @Test
    void stylesAndScriptsFromTheWebJarsAreLoaded() {
        browser.get(url("/"));
        JavascriptExecutor js = (JavascriptExecutor) browser;

        // deferred scripts run before the load event; the wait only spares a slow machine a false alarm
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> "object".equals(js.executeScript("return typeof window.htmx")));
        assertThat(js.executeScript("return typeof window.htmx")).isEqualTo("object");
        assertThat(js.executeScript("return typeof window.bootstrap")).isEqualTo("object");
        // display:flex on .breadcrumb comes from Bootstrap's CSS, position:sticky on the top bar from app.css
        assertThat(js.executeScript("return getComputedStyle(document.querySelector('.breadcrumb')).display"))
                .isEqualTo("flex");
        assertThat(js.executeScript("return getComputedStyle(document.querySelector('.app-topbar')).position"))
                .isEqualTo("sticky");
    }

    @Test
    void printedPageLeavesOutTheMenuAndBreadcrumbs() {
        browser.get(url("/"));
        HasCdp cdp = (HasCdp) browser;
        cdp.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat(browser.findElement(By.id("app-sidebar")).isDisplayed()).isFalse();
            assertThat(browser.findElement(By.cssSelector(".app-breadcrumb")).isDisplayed()).isFalse();
            assertThat(browser.findElement(By.id("welcome-title")).isDisplayed()).isTrue();
            HeadlessChromium.screenshot(browser, "home-print");
        } finally {
            cdp.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    @Test
    void unknownPageShowsTheChineseNotFoundPage() {
        browser.get(url("/login"));
        HeadlessChromium.screenshot(browser, "login");
        HeadlessChromium.signIn(browser, url(""), "staff");
        assertThat(browser.findElement(By.cssSelector(".app-user-role")).getText()).isEqualTo("业务人员");
        browser.get(url("/no-such-page"));

        assertThat(browser.getTitle()).startsWith("页面不存在");
        assertThat(browser.findElement(By.id("error-title")).getText()).isEqualTo("页面不存在");

        HeadlessChromium.screenshot(browser, "not-found");
    }

}
