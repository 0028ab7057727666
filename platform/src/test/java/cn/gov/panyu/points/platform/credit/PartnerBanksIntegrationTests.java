package cn.gov.panyu.points.platform.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.gov.panyu.points.platform.PlatformIntegrationTest;
import cn.gov.panyu.points.platform.TestUsers;

/** 合作银行: staff add banks (codes checked, never twice) and correct names; nobody else can. */
@PlatformIntegrationTest
class PartnerBanksIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private static String newCode() {
        return "TB-" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36).toUpperCase();
    }

    @Test
    void staffAddABankThatThenPublishesProducts() throws Exception {
        String code = newCode();
        mvc.perform(post("/credit/banks").with(csrf()).with(TestUsers.staff()).param("code", code.toLowerCase())
                .param("name", "测试农商银行")).andExpect(redirectedUrl("/credit/banks"));

        assertThat(jdbc.sql("select name from bank where code = ?").param(code).query(String.class).single()).isEqualTo("测试农商银行");
        assertThat(page("/credit/banks?size=100&sort=code")).contains(code).contains("测试农商银行");
        assertThat(page("/credit/products/new")).contains("测试农商银行");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'BANK_CHANGE' and detail like ?")
                .param("%" + code + "%").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aCodeIsCheckedAndNeverAddedTwice() throws Exception {
        String twice = mvc.perform(post("/credit/banks").with(csrf()).with(TestUsers.staff()).param("code", "ICBC-PY")
                        .param("name", "重复银行")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(twice).contains("银行代码：ICBC-PY 已存在").contains("value=\"重复银行\"");
        String bad = mvc.perform(post("/credit/banks").with(csrf()).with(TestUsers.staff()).param("code", "工行")
                        .param("name", "")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(bad).contains("银行代码：2–32 位大写字母、数字或连字符").contains("银行名称不能为空");
        assertThat(jdbc.sql("select name from bank where code = 'ICBC-PY'").query(String.class).single())
                .isEqualTo("中国工商银行广州番禺支行");
    }

    @Test
    void staffCorrectANameAndAnUnknownCodeIsNotFound() throws Exception {
        String code = newCode();
        jdbc.sql("insert into bank (code, name) values (?, '旧名称银行')").param(code).update();
        mvc.perform(post("/credit/banks/" + code).with(csrf()).with(TestUsers.staff()).param("name", "新名称银行"))
                .andExpect(redirectedUrl("/credit/banks"));
        assertThat(jdbc.sql("select name from bank where code = ?").param(code).query(String.class).single()).isEqualTo("新名称银行");
        mvc.perform(post("/credit/banks/NO-SUCH-BANK").with(csrf()).with(TestUsers.staff()).param("name", "任意"))
                .andExpect(status().isNotFound());
    }

    @Test
    void banksAndEnterprisesCannotManageBanks() throws Exception {
        mvc.perform(get("/credit/banks").with(TestUsers.bank("ICBC-PY"))).andExpect(status().isForbidden());
        mvc.perform(post("/credit/banks").with(csrf()).with(TestUsers.bank("ICBC-PY")).param("code", "X-BANK")
                .param("name", "某银行")).andExpect(status().isForbidden());
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(TestUsers.staff())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
