package cn.gov.panyu.points.platform.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import cn.gov.panyu.points.platform.SessionCookie;

/**
 * A production start: demo mode off, an empty database of its own. One administrator appears, with a
 * one-time password shown once in the log that opens nothing but the password change.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = "points.demo.enabled=false")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class FirstStartIntegrationTests {

    private static final Pattern ONE_TIME = Pattern.compile("one-time password: (\\S+)");

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "first-start-");
        registry.add("points.data-dir", dir::toString);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InitialAdministrator initial;

    @Test
    void exactlyOneAdministratorIsCreatedWhoseOneTimePasswordOnlyOpensThePasswordChange(CapturedOutput output)
            throws Exception {
        assertThat(jdbc.sql("select username, role, must_change_password from app_user").query().listOfRows())
                .singleElement().satisfies(row -> assertThat(row).isEqualTo(
                        Map.of("username", "admin", "role", "ADMIN", "must_change_password", true)));
        Matcher m = ONE_TIME.matcher(output.getAll());
        assertThat(m.find()).as("the one-time password in the log").isTrue();
        String oneTime = m.group(1);
        assertThat(PasswordPolicy.problems("admin", oneTime)).isEmpty();
        assertThat(output.getAll()).doesNotContain("Demo#2025");

        Cookie session = SessionCookie.of(mvc.perform(formLogin("/login").user("admin").password(oneTime))
                .andExpect(redirectedUrl("/account/password")).andReturn());
        mvc.perform(get("/admin/users").cookie(session)).andExpect(redirectedUrl("/account/password"));

        mvc.perform(post("/account/password").cookie(session).with(csrf()).param("current", oneTime)
                        .param("password", "Founding2025x").param("confirm", "Founding2025x"))
                .andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/admin/users").cookie(session)).andExpect(status().isOk());

        // a restart finds a user and creates nothing
        initial.run(null);
        assertThat(jdbc.sql("select count(*) from app_user").query(Integer.class).single()).isEqualTo(1);
        mvc.perform(formLogin("/login").user("admin").password(oneTime)).andExpect(redirectedUrl("/login?error"));
    }
}
