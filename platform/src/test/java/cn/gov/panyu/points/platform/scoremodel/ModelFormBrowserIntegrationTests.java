package cn.gov.panyu.points.platform.scoremodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.gov.panyu.points.platform.BrowserTestSupport;
import cn.gov.panyu.points.platform.HeadlessChromium;
import cn.gov.panyu.points.platform.PlatformIntegrationTest;

/** Staff edit a model in the form: the running weight total follows the typing, a wrong total is marked where it is. */
@PlatformIntegrationTest
class ModelFormBrowserIntegrationTests extends BrowserTestSupport {

    @Test
    void aWeightEditMovesTheRunningTotalAndAWrongTotalIsMarkedAtItsStage() {
        HeadlessChromium.signIn(browser, url(""), "staff");
        HeadlessChromium.open(browser, url("/indicators"), By.xpath("//button[text()='复制为新版本']"));
        HeadlessChromium.submitAndWait(browser, browser.findElement(By.xpath("//button[text()='复制为新版本']")));
        HeadlessChromium.open(browser, browser.getCurrentUrl(), By.id("sum-STARTUP"));
        assertThat(browser.getCurrentUrl()).endsWith("/form");
        String draftUrl = browser.getCurrentUrl().replace("/form", "");

        assertThat(browser.findElement(By.id("sum-STARTUP")).getText()).isEqualTo("1000");
        assertThat(check("STARTUP")).isEqualTo("✓ 等于满分");
        assertThat(browser.findElement(By.id("indicators0.name")).getAttribute("value")).isEqualTo("研发费用总额");
        HeadlessChromium.screenshot(browser, "model-form");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('bonus-form').scrollIntoView({block: 'start', behavior: 'instant'});");
        HeadlessChromium.screenshot(browser, "model-form-lists");

        WebElement weight = browser.findElement(By.id("indicators0.weights0"));
        weight.clear();
        weight.sendKeys("85");
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(b -> b.findElement(By.id("sum-STARTUP")).getText().equals("1005"));
        assertThat(check("STARTUP")).isEqualTo("比满分多 5 分");
        assertThat(browser.findElement(By.id("sum-GROWTH")).getText()).isEqualTo("1000");

        HeadlessChromium.submitAndWait(browser, browser.findElement(By.id("model-save")));
        await(By.id("sum-error-STARTUP"));
        WebElement sum = browser.findElement(By.id("sum-STARTUP"));
        assertThat(sum.getAttribute("class")).contains("is-invalid");
        assertThat(browser.findElement(By.id("sum-error-STARTUP")).getText()).contains("权重合计为 1005，应为 1000");
        assertThat(browser.findElement(By.id("indicators0.weights0")).getAttribute("value")).isEqualTo("85");
        assertThat(browser.findElement(By.id("model-form-invalid")).getText()).contains("1 处问题");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", sum);
        HeadlessChromium.screenshot(browser, "model-form-errors");
        // the whole form at the same width, to look at every section
        browser.manage().window().setSize(new Dimension(1440, 5200));
        HeadlessChromium.screenshot(browser, "model-form-full");
        browser.manage().window().setSize(new Dimension(1440, 1000));

        // the same draft in the YAML editor carries the unsaved weight along
        ((JavascriptExecutor) browser).executeScript("window.scrollTo({top: 0, behavior: 'instant'});");
        HeadlessChromium.submitAndWait(browser, browser.findElement(By.id("switch-to-yaml")));
        await(By.id("definition"));
        assertThat(browser.findElement(By.id("definition")).getAttribute("value")).contains("STARTUP: 85");
        assertThat(browser.findElement(By.id("model-problems")).getText()).contains("权重合计为 1005");
        HeadlessChromium.submitAndWait(browser, browser.findElement(By.id("switch-to-form")));
        await(By.id("model-switch-refused"));

        HeadlessChromium.open(browser, draftUrl + "/form", By.id("indicators1.weights0"));
        for (String[] edit : new String[][] {{"indicators0.weights0", "85"}, {"indicators1.weights0", "85"}}) {
            WebElement input = browser.findElement(By.id(edit[0]));
            input.clear();
            input.sendKeys(edit[1]);
        }
        assertThat(check("STARTUP")).isEqualTo("✓ 等于满分");
        HeadlessChromium.submitAndWait(browser, browser.findElement(By.id("model-save")));
        await(By.id("indicator-table"));
        assertThat(browser.getPageSource()).contains("模型已保存并通过校验");

        ((JavascriptExecutor) browser).executeScript("window.confirm = () => true;");
        HeadlessChromium.submitAndWait(browser, browser.findElement(By.xpath("//button[text()='删除']")));
    }

    /** Waits for the page a form post answered with (re-opening its address would show a fresh page instead). */
    private static void await(By element) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(b -> !b.findElements(element).isEmpty());
    }

    private static String check(String stage) {
        return browser.findElement(By.cssSelector("[data-sum-check='" + stage + "']")).getText();
    }
}
