package cn.gov.panyu.points.platform.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.gov.panyu.points.platform.BrowserTestSupport;
import cn.gov.panyu.points.platform.HeadlessChromium;
import cn.gov.panyu.points.platform.PlatformIntegrationTest;
import cn.gov.panyu.points.platform.TestEnterprises;

/** The account pages in a real browser: what each role's menu shows, forms and their messages. */
@PlatformIntegrationTest
class AccountPagesBrowserIntegrationTests extends BrowserTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void anEnterpriseRegistersAndStaffSeeTheRequest() {
        String uscc = TestEnterprises.register(jdbc, "浏览器注册测试科技有限公司");
        String user = TestEnterprises.uniqueName("ent");
        signOut();
        browser.get(url("/login"));
        HeadlessChromium.submitAndWait(browser, browser.findElement(By.id("link-register")));
        browser.findElement(By.id("uscc")).sendKeys(uscc);
        browser.findElement(By.id("contactName")).sendKeys("陈主任");
        browser.findElement(By.id("contactPhone")).sendKeys("020-84561234");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("short1");
        browser.findElement(By.id("confirmPassword")).sendKeys("short1");
        HeadlessChromium.submitFormAndWait(browser, browser.findElement(By.id("confirmPassword")));

        assertThat(browser.findElement(By.id("form-error")).getText()).contains("至少 10 个字符");
        assertThat(browser.findElement(By.id("contactName")).getAttribute("value")).isEqualTo("陈主任");
        HeadlessChromium.screenshot(browser, "account-register-error");

        browser.findElement(By.id("password")).sendKeys("Register2025ok");
        browser.findElement(By.id("confirmPassword")).sendKeys("Register2025ok");
        HeadlessChromium.submitFormAndWait(browser, browser.findElement(By.id("confirmPassword")));
        assertThat(browser.findElement(By.id("login-registered")).getText()).contains("注册申请已提交");

        HeadlessChromium.signIn(browser, url(""), "staff");
        HeadlessChromium.open(browser, url("/registrations"), By.id("registrations-table"));
        assertThat(browser.findElement(By.id("registrations-table")).getText()).contains("浏览器注册测试科技有限公司", "陈主任");
        assertThat(menuEntries()).contains("注册审核", "操作日志").doesNotContain("用户管理");
        HeadlessChromium.screenshot(browser, "account-registrations");
    }

    @Test
    void administratorsManageUsersFromTheSystemMenu() {
        signOut();
        HeadlessChromium.signIn(browser, url(""), "admin");
        browser.get(url("/"));
        HeadlessChromium.submitAndWait(browser, browser.findElement(By.linkText("用户管理")));
        assertThat(browser.getCurrentUrl()).endsWith("/admin/users");
        assertThat(browser.findElement(By.id("users-table")).getText()).contains("admin", "系统管理员");
        browser.findElement(By.id("f-q")).sendKeys("staff");
        HeadlessChromium.submitFormAndWait(browser, browser.findElement(By.id("f-q")));
        assertThat(browser.findElement(By.id("users-table")).getText()).contains("staff", "科技局业务人员（演示）");
        HeadlessChromium.screenshot(browser, "account-users");

        HeadlessChromium.submitAndWait(browser, browser.findElement(By.id("new-user")));
        new Select(browser.findElement(By.id("role"))).selectByVisibleText("企业用户");
        assertThat(browser.findElement(By.id("uscc")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("bankCode")).isDisplayed()).isFalse();
        HeadlessChromium.screenshot(browser, "account-user-new");

        browser.get(url("/admin/users/staff"));
        assertThat(browser.findElement(By.id("user-facts")).getText()).contains("业务人员");
        HeadlessChromium.screenshot(browser, "account-user");

        browser.get(url("/audit"));
        assertThat(browser.findElement(By.id("audit-table")).getText()).contains("登录");
        HeadlessChromium.screenshot(browser, "audit-log");

        browser.get(url("/account/password"));
        HeadlessChromium.screenshot(browser, "account-password");
    }

    @Test
    void anEnterpriseUserSeesNoneOfTheBureausMenu() {
        String uscc = TestEnterprises.register(jdbc, "菜单测试企业");
        String user = TestEnterprises.uniqueName("ent");
        jdbc.sql("""
                insert into app_user (username, password_hash, display_name, role, uscc)
                values (?, (select password_hash from app_user where username = 'staff'), '菜单测试企业', 'ENTERPRISE', ?)""")
                .params(user, uscc).update();
        signOut();
        HeadlessChromium.signIn(browser, url(""), user);
        browser.get(url("/"));

        assertThat(menuEntries()).doesNotContain("企业名录", "数据导入", "用户管理", "操作日志", "模型管理");
        assertThat(browser.findElements(By.id("menu-collection-declare"))).hasSize(1);
        HeadlessChromium.screenshot(browser, "menu-enterprise");
    }

    @Test
    void aLockedAccountIsToldUntilWhen() {
        String user = TestEnterprises.uniqueName("lockui");
        signOut();
        for (int i = 0; i < 5; i++) {
            browser.get(url("/login"));
            browser.findElement(By.id("username")).sendKeys(user);
            browser.findElement(By.id("password")).sendKeys("wrong-" + i);
            HeadlessChromium.submitAndWait(browser, browser.findElement(By.cssSelector("form button[type=submit]")));
        }
        assertThat(browser.findElement(By.id("login-locked")).getText()).contains("该账户已临时锁定", "之后再试");
        HeadlessChromium.screenshot(browser, "login-locked");
    }

    private java.util.List<String> menuEntries() {
        return browser.findElements(By.cssSelector(".app-sidebar .app-menu-link")).stream().map(WebElement::getText).toList();
    }

    private void signOut() {
        browser.get(url("/"));
        browser.findElements(By.cssSelector(".app-user form button")).forEach(WebElement::click);
        browser.manage().deleteAllCookies();
    }

}
