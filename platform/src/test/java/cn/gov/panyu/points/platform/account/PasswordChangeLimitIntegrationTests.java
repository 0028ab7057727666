package cn.gov.panyu.points.platform.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.gov.panyu.points.platform.SessionCookie;
import cn.gov.panyu.points.platform.PlatformIntegrationTest;
import cn.gov.panyu.points.platform.TestEnterprises;

/**
 * 修改密码 asks for the current password, so a stolen session could guess it there: wrong guesses count
 * with failed sign-ins, and the limit signs every session of the account out and locks it.
 */
@PlatformIntegrationTest
class PasswordChangeLimitIntegrationTests {

    private static final String PASSWORD = "Current2025ok";
    private static final String NEW = "Chosen2025new";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts accounts;

    @Test
    void fiveWrongCurrentPasswordsSignEverySessionOutAndLockTheAccount() throws Exception {
        String user = newUser();
        Cookie session = signIn(user);
        Cookie other = signIn(user);

        for (int i = 1; i <= 4; i++) {
            String page = change(session, "guess-" + i).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            assertThat(page).contains("当前密码不正确");
        }
        assertThat(audited(user, "LOGIN_FAILED", "修改密码时当前密码错误")).isEqualTo(4);

        change(session, "guess-5").andExpect(redirectedUrl("/login?locked"));

        assertThat(audited(user, "LOGIN_FAILED", "修改密码时当前密码错误")).isEqualTo(5);
        assertThat(audited(user, "ACCOUNT_LOCKED", "")).isEqualTo(1);
        assertThat(jdbc.sql("select locked_until from app_user where username = ?").param(user)
                .query(LocalDateTime.class).single()).isAfter(LocalDateTime.now());
        mvc.perform(get("/account/password").cookie(session)).andExpect(status().is3xxRedirection())
                .andExpect(unauthenticated());
        mvc.perform(get("/account/password").cookie(other)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(formLogin("/login").user(user).password(PASSWORD)).andExpect(redirectedUrl("/login?locked"));
    }

    @Test
    void wrongGuessesAtSignInAndAtThePasswordPageAddUp() throws Exception {
        String user = newUser();
        Cookie session = signIn(user);
        for (int i = 1; i <= 4; i++) {
            mvc.perform(formLogin("/login").user(user).password("wrong-" + i)).andExpect(redirectedUrl("/login?error"));
        }

        change(session, "guess").andExpect(redirectedUrl("/login?locked"));
    }

    @Test
    void theRightCurrentPasswordStartsTheCountAgainAndOtherFailuresAreAuditedToo() throws Exception {
        String user = newUser();
        Cookie session = signIn(user);
        change(session, "guess-1").andExpect(status().isOk());
        mvc.perform(post("/account/password").cookie(session).with(csrf()).param("current", PASSWORD)
                .param("password", NEW).param("confirm", NEW + "x")).andExpect(status().isOk());
        assertThat(audited(user, "ACCOUNT_CHANGE", "修改本人密码未成功")).isEqualTo(1);

        mvc.perform(post("/account/password").cookie(session).with(csrf()).param("current", PASSWORD)
                .param("password", NEW).param("confirm", NEW)).andExpect(redirectedUrl("/account/password"));

        assertThat(jdbc.sql("select failed_attempts from app_user where username = ?").param(user)
                .query(Integer.class).single()).isZero();
    }

    private String newUser() {
        String user = TestEnterprises.uniqueName("pwd");
        accounts.create(user, PASSWORD, "改密测试", Role.STAFF, null, null);
        return user;
    }

    private Cookie signIn(String user) throws Exception {
        return SessionCookie.of(mvc.perform(formLogin("/login").user(user).password(PASSWORD))
                .andExpect(authenticated()).andReturn());
    }

    private ResultActions change(Cookie session, String current)
            throws Exception {
        return mvc.perform(post("/account/password").cookie(session).with(csrf()).param("current", current)
                .param("password", NEW).param("confirm", NEW));
    }

    private int audited(String user, String action, String detailPrefix) {
        return jdbc.sql("select count(*) from audit_event where username = ? and action = ? and detail like ?")
                .params(user, action, detailPrefix + "%").query(Integer.class).single();
    }
}
