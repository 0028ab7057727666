package cn.gov.panyu.points.platform.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import cn.gov.panyu.points.platform.PlatformIntegrationTest;
import cn.gov.panyu.points.platform.TestEnterprises;
import cn.gov.panyu.points.platform.TestUsers;

/**
 * Registration squatting (docs/adr/0010-registration-squatting.md): a request under review no longer
 * blocks the enterprise's own; staff see the competing requests and activate the one they verified, which
 * closes the others; registrations are throttled per client address and per enterprise.
 */
@PlatformIntegrationTest
class RegistrationSquattingIntegrationTests {

    private static final String PASSWORD = "Register2025ok";
    /**
     * Client addresses of this test only (the documentation range): the per-client count lives in memory,
     * so each run starts afresh, and the per-enterprise rules see enterprises of their own.
     */
    private static final AtomicInteger NEXT_CLIENT = new AtomicInteger(1);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSquattersRequestNoLongerBlocksTheEnterpriseAndStaffChooseTheVerifiedOne() throws Exception {
        String uscc = TestEnterprises.register(jdbc, "抢注测试企业");
        String squatter = TestEnterprises.uniqueName("squat");
        String real = TestEnterprises.uniqueName("real");

        assertThat(register(uscc, squatter, "冒名者", client()).getRedirectedUrl()).isEqualTo("/login?registered");
        assertThat(register(uscc, real, "王经理", client()).getRedirectedUrl()).isEqualTo("/login?registered");

        String queue = mvc.perform(get("/registrations").param("sort", "created").param("dir", "desc").with(TestUsers.staff())).andReturn().getResponse()
                .getContentAsString();
        assertThat(queue).contains(squatter, real, "同一企业另有 1 个待审核申请");

        mvc.perform(post("/registrations/{u}/activate", real).with(TestUsers.staff()).with(csrf()));

        assertThat(status(real)).isEqualTo("ACTIVE");
        assertThat(status(squatter)).isEqualTo("REJECTED");
        assertThat(jdbc.sql("select review_note from app_user where username = ?").param(squatter).query(String.class)
                .single()).contains(real);
    }

    @Test
    void oneClientFilesAFewRequestsAnHourAndNoMore() throws Exception {
        String client = client();
        for (int i = 0; i < 10; i++) {
            String uscc = TestEnterprises.register(jdbc, "限流测试企业" + i);
            assertThat(register(uscc, TestEnterprises.uniqueName("burst"), "联系人", client).getRedirectedUrl())
                    .as("request " + (i + 1)).isEqualTo("/login?registered");
        }
        String uscc = TestEnterprises.register(jdbc, "限流测试企业X");
        String refusedUser = TestEnterprises.uniqueName("burst");

        MockHttpServletResponse refused = register(uscc, refusedUser, "联系人", client);

        assertThat(refused.getContentAsString()).contains("提交的注册申请过多");
        assertThat(jdbc.sql("select count(*) from app_user where username = ?").param(refusedUser).query(Integer.class)
                .single()).isZero();
        assertThat(register(uscc, refusedUser, "联系人", client()).getRedirectedUrl()).isEqualTo("/login?registered");
    }

    @Test
    void anEnterpriseHasAFewRequestsUnderReviewAtOnceEachFromAnotherClient() throws Exception {
        String uscc = TestEnterprises.register(jdbc, "待审上限测试企业");
        String first = client();
        register(uscc, TestEnterprises.uniqueName("cap"), "联系人", first);

        assertThat(register(uscc, TestEnterprises.uniqueName("cap"), "联系人", first).getContentAsString())
                .contains("已为该企业提交过注册申请");
        register(uscc, TestEnterprises.uniqueName("cap"), "联系人", client());
        register(uscc, TestEnterprises.uniqueName("cap"), "联系人", client());

        assertThat(register(uscc, TestEnterprises.uniqueName("cap"), "联系人", client()).getContentAsString())
                .contains("该企业已有 3 个注册申请正在审核");
        assertThat(jdbc.sql("select count(*) from app_user where uscc = ? and status = 'PENDING'").param(uscc)
                .query(Integer.class).single()).isEqualTo(3);
    }

    private MockHttpServletResponse register(String uscc, String username, String contact, String client)
            throws Exception {
        return mvc.perform(post("/register").with(csrf()).with(request -> {
                    request.setRemoteAddr(client);
                    return request;
                }).param("uscc", uscc).param("contactName", contact).param("username", username)
                .param("password", PASSWORD).param("confirmPassword", PASSWORD)).andReturn().getResponse();
    }

    private static String client() {
        return "198.51.100." + NEXT_CLIENT.getAndIncrement();
    }

    private String status(String username) {
        return jdbc.sql("select status from app_user where username = ?").param(username).query(String.class).single();
    }
}
