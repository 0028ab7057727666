package cn.gov.panyu.points.platform.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.gov.panyu.points.platform.SessionCookie;
import cn.gov.panyu.points.platform.PlatformIntegrationTest;
import cn.gov.panyu.points.platform.TestEnterprises;
import cn.gov.panyu.points.platform.TestUsers;
import cn.gov.panyu.points.platform.table.ExcelExport;

/** User management by administrators, enterprise registration and review, password changes. */
@PlatformIntegrationTest
class AccountFlowIntegrationTests {

    private static final String TEMPORARY = "Temporary2025x";
    private static final String OWN = "MyOwnSecret77";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdministratorCreatesAUserWhoMustChooseTheirOwnPasswordBeforeAnythingElse() throws Exception {
        String user = TestEnterprises.uniqueName("staff");
        mvc.perform(post("/admin/users").with(TestUsers.admin()).with(csrf()).param("username", user)
                        .param("displayName", "新业务人员").param("role", "STAFF").param("password", TEMPORARY))
                .andExpect(redirectedUrl("/admin/users/" + user));
        assertThat(audited("ACCOUNT_CHANGE", "新建账户 " + user)).isEqualTo(1);

        MvcResult signedIn = mvc.perform(formLogin("/login").user(user).password(TEMPORARY))
                .andExpect(authenticated()).andExpect(redirectedUrl("/account/password")).andReturn();
        Cookie session = SessionCookie.of(signedIn);
        mvc.perform(get("/enterprises").cookie(session)).andExpect(redirectedUrl("/account/password"));
        assertThat(mvc.perform(get("/account/password").cookie(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("临时密码", "当前密码");

        mvc.perform(post("/account/password").cookie(session).with(csrf()).param("current", TEMPORARY)
                        .param("password", OWN).param("confirm", OWN))
                .andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/enterprises").cookie(session)).andExpect(status().isOk());
        mvc.perform(formLogin("/login").user(user).password(OWN)).andExpect(redirectedUrl("/"));
    }

    @Test
    void passwordRulesNameEverythingThatIsMissing() throws Exception {
        String html = mvc.perform(post("/admin/users").with(TestUsers.admin()).with(csrf())
                        .param("username", "rulesuser").param("displayName", "规则").param("role", "STAFF")
                        .param("password", "rulesuser"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("密码须：至少 10 个字符（当前 9 个）；包含数字；不包含用户名。");
        assertThat(html).contains("value=\"规则\""); // the form is not lost
        assertThat(PasswordPolicy.problems("ent", "abcdefghij1")).isEmpty();
        assertThat(PasswordPolicy.problems("ent", "1234567890")).containsExactly("包含英文字母");
    }

    @Test
    void anEnterpriseUserNeedsAValidRegisteredCreditCode() throws Exception {
        String html = mvc.perform(post("/admin/users").with(TestUsers.admin()).with(csrf())
                        .param("username", TestEnterprises.uniqueName("e")).param("displayName", "某企业")
                        .param("role", "ENTERPRISE").param("uscc", "91440113MA5XXXXXX1").param("password", TEMPORARY))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("统一社会信用代码有误");

        String unknown = TestEnterprises.uscc();
        html = mvc.perform(post("/admin/users").with(TestUsers.admin()).with(csrf())
                        .param("username", TestEnterprises.uniqueName("e")).param("displayName", "某企业")
                        .param("role", "ENTERPRISE").param("uscc", unknown).param("password", TEMPORARY))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("企业名录中没有统一社会信用代码为 " + unknown + " 的企业");
    }

    @Test
    void disablingAUserEndsTheirSessionAndKeepsThemOut() throws Exception {
        String user = TestEnterprises.uniqueName("bank");
        mvc.perform(post("/admin/users").with(TestUsers.admin()).with(csrf()).param("username", user)
                .param("displayName", "某银行").param("role", "BANK").param("bankCode", "gz-bank-01").param("password", TEMPORARY));
        assertThat(jdbc.sql("select bank_code from app_user where username = ?").param(user).query(String.class).single())
                .isEqualTo("GZ-BANK-01");
        jdbc.sql("update app_user set must_change_password = false where username = ?").param(user).update();
        Cookie session = SessionCookie.of(mvc.perform(formLogin("/login").user(user).password(TEMPORARY))
                .andExpect(authenticated()).andReturn());
        mvc.perform(get("/account/password").cookie(session)).andExpect(status().isOk());

        mvc.perform(post("/admin/users/{u}/disable", user).with(TestUsers.admin()).with(csrf()))
                .andExpect(redirectedUrl("/admin/users/" + user));

        mvc.perform(get("/account/password").cookie(session)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(formLogin("/login").user(user).password(TEMPORARY))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?disabled"));
        mvc.perform(formLogin("/login").user(user).password("wrong-password1"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void anAdministratorCannotDisableThemself() throws Exception {
        MvcResult result = mvc.perform(post("/admin/users/{u}/disable", "admin").with(TestUsers.admin()).with(csrf()))
                .andExpect(redirectedUrl("/admin/users/admin")).andReturn();
        assertThat(result.getFlashMap().get("failure")).isEqualTo("不能停用自己的账户。");
        assertThat(jdbc.sql("select enabled from app_user where username = 'admin'").query(Boolean.class).single()).isTrue();
    }

    @Test
    void aResetPasswordWorksOnceForChoosingANewOne() throws Exception {
        String user = TestEnterprises.uniqueName("reset");
        mvc.perform(post("/admin/users").with(TestUsers.admin()).with(csrf()).param("username", user)
                .param("displayName", "专家").param("role", "EXPERT").param("password", TEMPORARY));
        String reset = "ResetOnce2025";

        mvc.perform(post("/admin/users/{u}/password", user).with(TestUsers.admin()).with(csrf()).param("password", reset))
                .andExpect(redirectedUrl("/admin/users/" + user));

        mvc.perform(formLogin("/login").user(user).password(TEMPORARY)).andExpect(unauthenticated());
        mvc.perform(formLogin("/login").user(user).password(reset)).andExpect(redirectedUrl("/account/password"));
    }

    @Test
    void changingARoleRebindsTheUser() throws Exception {
        String uscc = TestEnterprises.register(jdbc, "改绑测试企业");
        String user = TestEnterprises.uniqueName("role");
        mvc.perform(post("/admin/users").with(TestUsers.admin()).with(csrf()).param("username", user)
                .param("displayName", "改角色").param("role", "EXPERT").param("password", TEMPORARY));

        mvc.perform(post("/admin/users/{u}/role", user).with(TestUsers.admin()).with(csrf())
                        .param("role", "ENTERPRISE").param("uscc", uscc.toLowerCase()))
                .andExpect(redirectedUrl("/admin/users/" + user));

        assertThat(jdbc.sql("select role, uscc from app_user where username = ?").param(user).query().singleRow())
                .containsEntry("role", "ENTERPRISE").containsEntry("uscc", uscc);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'ACCOUNT_CHANGE' and target_uscc = ?")
                .param(uscc).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theUserListFiltersSortsAndExports() throws Exception {
        String html = mvc.perform(get("/admin/users").param("role", "STAFF").param("q", "staff").param("sort", "username")
                        .param("dir", "desc").with(TestUsers.admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("用户管理", "科技局业务人员（演示）", "导出Excel").doesNotContain("评审专家（演示）");

        mvc.perform(get("/admin/users/export").param("role", "STAFF").with(TestUsers.admin()))
                .andExpect(status().isOk()).andExpect(content().contentType(ExcelExport.XLSX));
        mvc.perform(get("/admin/users").with(TestUsers.staff())).andExpect(status().isForbidden());
    }

    @Test
    void anEnterpriseRegistersStaffActivateAndItSignsIn() throws Exception {
        String uscc = TestEnterprises.register(jdbc, "注册流程测试企业");
        String user = TestEnterprises.uniqueName("ent");
        String password = "Register2025ok";

        mvc.perform(post("/register").with(csrf()).param("uscc", uscc).param("contactName", "李经理")
                        .param("contactPhone", "020-12345678").param("username", user)
                        .param("password", password).param("confirmPassword", password))
                .andExpect(redirectedUrl("/login?registered"));
        mvc.perform(formLogin("/login").user(user).password(password)).andExpect(redirectedUrl("/login?disabled"));

        String queue = mvc.perform(get("/registrations").param("sort", "created").param("dir", "desc").with(TestUsers.staff())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(queue).contains("注册流程测试企业", uscc, "李经理", user);

        mvc.perform(post("/registrations/{u}/activate", user).with(TestUsers.staff()).with(csrf()))
                .andExpect(redirectedUrl("/registrations"));
        MvcResult signedIn = mvc.perform(formLogin("/login").user(user).password(password))
                .andExpect(authenticated().withRoles("ENTERPRISE")).andReturn();
        mvc.perform(get("/declarations").cookie(SessionCookie.of(signedIn)))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select action from audit_event where target_uscc = ? order by id").param(uscc)
                .query(String.class).list()).containsSubsequence("ACCOUNT_CHANGE", "ACCOUNT_CHANGE");

        // one account per enterprise: a second registration is refused
        String again = mvc.perform(post("/register").with(csrf()).param("uscc", uscc).param("contactName", "王五")
                        .param("username", TestEnterprises.uniqueName("ent")).param("password", password)
                        .param("confirmPassword", password))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(again).contains("该企业已有平台账户。");
    }

    @Test
    void staffActivateASecondAccountOnlyWhenTheySaySo() throws Exception {
        String uscc = TestEnterprises.register(jdbc, "第二账户测试企业");
        String first = register(uscc);
        mvc.perform(post("/registrations/{u}/activate", first).with(TestUsers.staff()).with(csrf()));
        // a second request made while the first was pending, e.g. by another contact
        String second = TestEnterprises.uniqueName("ent");
        jdbc.sql("""
                insert into app_user (username, password_hash, display_name, role, uscc, status, enabled, contact_name)
                values (?, 'x', '第二账户测试企业', 'ENTERPRISE', ?, 'PENDING', false, '赵六')""").params(second, uscc).update();

        MvcResult refused = mvc.perform(post("/registrations/{u}/activate", second).with(TestUsers.staff()).with(csrf()))
                .andReturn();
        assertThat((String) refused.getFlashMap().get("failure")).contains("该企业已有启用的账户（" + first + "）");
        assertThat(statusOf(second)).isEqualTo("PENDING");

        mvc.perform(post("/registrations/{u}/activate", second).param("allowSecond", "true").with(TestUsers.staff()).with(csrf()));
        assertThat(statusOf(second)).isEqualTo("ACTIVE");
    }

    @Test
    void aRejectedRegistrationKeepsItsReasonAndCannotSignIn() throws Exception {
        String uscc = TestEnterprises.register(jdbc, "驳回测试企业");
        String user = register(uscc);

        MvcResult noReason = mvc.perform(post("/registrations/{u}/reject", user).with(TestUsers.staff()).with(csrf())).andReturn();
        assertThat(noReason.getFlashMap().get("failure")).isEqualTo("请填写驳回理由。");

        mvc.perform(post("/registrations/{u}/reject", user).param("reason", "联系人非企业员工").with(TestUsers.admin()).with(csrf()));
        assertThat(statusOf(user)).isEqualTo("REJECTED");
        assertThat(mvc.perform(get("/registrations").param("status", "REJECTED").with(TestUsers.staff()))
                .andReturn().getResponse().getContentAsString()).contains(user, "联系人非企业员工");
        mvc.perform(formLogin("/login").user(user).password("Register2025ok")).andExpect(redirectedUrl("/login?disabled"));
        // a refused enterprise may register again
        register(uscc);
    }

    @Test
    void registrationNeedsAnEnterpriseOfTheRegistry() throws Exception {
        String html = mvc.perform(post("/register").with(csrf()).param("uscc", TestEnterprises.uscc())
                        .param("contactName", "张三").param("username", TestEnterprises.uniqueName("ent"))
                        .param("password", "Register2025ok").param("confirmPassword", "Register2025ok"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("企业名录中没有统一社会信用代码为", "张三");
    }

    @Test
    void aRegistrationWithoutTheCsrfTokenIsRefusedAndCreatesNothing() throws Exception {
        String uscc = TestEnterprises.register(jdbc, "CSRF测试企业");
        String user = TestEnterprises.uniqueName("ent");
        mvc.perform(post("/register").param("uscc", uscc).param("contactName", "张三").param("username", user)
                .param("password", "Register2025ok").param("confirmPassword", "Register2025ok"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/users").with(TestUsers.admin()).param("username", user).param("displayName", "x")
                .param("role", "STAFF").param("password", TEMPORARY)).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from app_user where username = ?").param(user).query(Integer.class).single())
                .isZero();
    }

    private String register(String uscc) throws Exception {
        String user = TestEnterprises.uniqueName("ent");
        mvc.perform(post("/register").with(csrf()).param("uscc", uscc).param("contactName", "联系人")
                        .param("username", user).param("password", "Register2025ok").param("confirmPassword", "Register2025ok"))
                .andExpect(redirectedUrl("/login?registered"));
        return user;
    }

    private String statusOf(String user) {
        return jdbc.sql("select status from app_user where username = ?").param(user).query(String.class).single();
    }

    private int audited(String action, String detailPrefix) {
        return jdbc.sql("select count(*) from audit_event where action = ? and detail like ?")
                .params(action, detailPrefix + "%").query(Integer.class).single();
    }
}
