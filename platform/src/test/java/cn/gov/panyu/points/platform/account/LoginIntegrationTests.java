package cn.gov.panyu.points.platform.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.gov.panyu.points.platform.PlatformIntegrationTest;

@PlatformIntegrationTest
class LoginIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theSignInPageIsChineseAndPublic() throws Exception {
        String html = mvc.perform(get("/login")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("登录", "用户名", "密码", "name=\"_csrf\"");
    }

    @Test
    void protectedPagesSendAnonymousUsersToSignIn() throws Exception {
        mvc.perform(get("/anything-protected")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void demoStaffCanSignInAndAWrongPasswordCannot() throws Exception {
        mvc.perform(formLogin("/login").user("staff").password(DemoAccounts.PASSWORD))
                .andExpect(authenticated().withRoles("STAFF"));
        mvc.perform(formLogin("/login").user("staff").password("wrong"))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void signInWithoutACsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/login").param("username", "staff").param("password", DemoAccounts.PASSWORD))
                .andExpect(status().isForbidden());
        mvc.perform(post("/login").with(csrf()).param("username", "staff").param("password", DemoAccounts.PASSWORD))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void responsesCarrySecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().exists("Content-Security-Policy"));
    }
}
