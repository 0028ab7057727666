package cn.gov.panyu.points.platform.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.gov.panyu.points.platform.TestUsers;
import cn.gov.panyu.points.platform.demo.DemoDistrictTest;
import cn.gov.panyu.points.platform.portal.PortalFixture;

/** 授权管理: an enterprise grants, renews and revokes its own consents — and no one else's. */
@DemoDistrictTest
class ConsentIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aGrantIsActiveListedAndAudited() throws Exception {
        String a = PortalFixture.otherListed(jdbc, 10).get(2);
        PortalFixture.withoutConsents(jdbc, a);

        grant(a, "ICBC-PY", LocalDate.now().plusMonths(6)).andExpect(status().is3xxRedirection());

        List<Map<String, Object>> rows = consents(a);
        assertThat(rows).hasSize(1 + endedBefore(rows));
        assertThat(page(a)).contains("中国工商银行广州番禺支行").contains(">有效<");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'CONSENT_CHANGE' and target_uscc = ? and detail like '授权 中国工商银行%'")
                .param(a).query(Long.class).single()).isPositive();
    }

    @Test
    void aNewGrantForTheSameBankReplacesTheOldOneAndKeepsItInTheHistory() throws Exception {
        String a = PortalFixture.otherListed(jdbc, 10).get(3);
        PortalFixture.withoutConsents(jdbc, a);

        grant(a, "CCB-PY", LocalDate.now().plusMonths(1));
        grant(a, "CCB-PY", LocalDate.now().plusMonths(12));

        List<Map<String, Object>> ccb = jdbc.sql("select expires_on, ended_at, end_reason from consent where uscc = ? and bank_code = 'CCB-PY' order by id")
                .param(a).query().listOfRows();
        assertThat(ccb).hasSize(2);
        assertThat(ccb.get(0).get("end_reason")).isEqualTo("REPLACED");
        assertThat(ccb.get(1).get("ended_at")).isNull();
        assertThat(page(a)).contains("已被新授权替代");
    }

    @Test
    void anEnterpriseCannotRevokeAnotherEnterprisesConsentByChangingTheId() throws Exception {
        List<String> two = PortalFixture.otherListed(jdbc, 10);
        String a = two.get(4);
        String b = two.get(5);
        PortalFixture.withoutConsents(jdbc, b);
        grant(b, "BOC-PY", LocalDate.now().plusMonths(3));
        long theirs = jdbc.sql("select id from consent where uscc = ? and ended_at is null").param(b).query(Long.class).single();

        mvc.perform(post("/my/consents/" + theirs + "/revoke").with(TestUsers.enterprise(a)).with(csrf()))
                .andExpect(status().isNotFound());

        assertThat(jdbc.sql("select ended_at from consent where id = ?").param(theirs).query().singleRow().get("ended_at")).isNull();
        assertThat(page(a)).doesNotContain("consent-" + theirs);
    }

    @Test
    void revokingEndsTheConsentAtOnceAndIsAudited() throws Exception {
        String a = PortalFixture.otherListed(jdbc, 10).get(6);
        PortalFixture.withoutConsents(jdbc, a);
        grant(a, "GZB-PY", LocalDate.now().plusMonths(3));
        long id = jdbc.sql("select id from consent where uscc = ? and ended_at is null").param(a).query(Long.class).single();

        mvc.perform(post("/my/consents/" + id + "/revoke").with(TestUsers.enterprise(a)).with(csrf()))
                .andExpect(status().is3xxRedirection());

        Map<String, Object> row = jdbc.sql("select ended_by, end_reason from consent where id = ?").param(id).query().singleRow();
        assertThat(row.get("end_reason")).isEqualTo("REVOKED");
        assertThat(row.get("ended_by")).isEqualTo("ent-" + a);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'CONSENT_CHANGE' and target_uscc = ? and detail like '撤销%#" + id + "'")
                .param(a).query(Long.class).single()).isEqualTo(1);
        String again = (String) mvc.perform(post("/my/consents/" + id + "/revoke").with(TestUsers.enterprise(a)).with(csrf()))
                .andReturn().getFlashMap().get("failure");
        assertThat(again).contains("已撤销");
    }

    @Test
    void badTermsAreRefusedInChineseAndNothingIsStored() throws Exception {
        String a = PortalFixture.otherListed(jdbc, 10).get(7);
        PortalFixture.withoutConsents(jdbc, a);
        long before = jdbc.sql("select count(*) from consent where uscc = ?").param(a).query(Long.class).single();

        assertThat(failure(grant(a, "ICBC-PY", LocalDate.now().minusDays(1)))).isEqualTo("授权截止日期不能早于今天。");
        assertThat(failure(grant(a, "ICBC-PY", LocalDate.now().plusYears(3).plusDays(1)))).startsWith("授权期限最长 3 年");
        assertThat(failure(grant(a, "NO-SUCH-BANK", LocalDate.now().plusMonths(1)))).isEqualTo("请选择要授权的银行。");
        assertThat(jdbc.sql("select count(*) from consent where uscc = ?").param(a).query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void onlyEnterprisesManageConsents() throws Exception {
        for (RequestPostProcessor other : List.of(TestUsers.staff(), TestUsers.bank("DEMO-BANK"), TestUsers.expert())) {
            mvc.perform(get("/my/consents").with(other)).andExpect(status().isForbidden());
            mvc.perform(post("/my/consents").param("bank", "DEMO-BANK").param("expiresOn", LocalDate.now().plusMonths(1).toString())
                    .with(other).with(csrf())).andExpect(status().isForbidden());
        }
        mvc.perform(post("/my/consents/1/revoke").with(TestUsers.bank("DEMO-BANK")).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void theHistoryExportsToExcelWithTheKit() throws Exception {
        String a = PortalFixture.otherListed(jdbc, 10).get(8);
        grant(a, "ICBC-PY", LocalDate.now().plusMonths(2));

        mvc.perform(get("/my/consents/export?sort=expires&dir=desc").with(TestUsers.enterprise(a)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        assertThat(page(a + "", "/my/consents?sort=bank&dir=asc")).contains("aria-sort=\"ascending\"");
    }

    private org.springframework.test.web.servlet.ResultActions grant(String uscc, String bank, LocalDate expires) throws Exception {
        return mvc.perform(post("/my/consents").param("bank", bank).param("expiresOn", expires.toString())
                .with(TestUsers.enterprise(uscc)).with(csrf()));
    }

    private static String failure(org.springframework.test.web.servlet.ResultActions result) {
        return (String) result.andReturn().getFlashMap().get("failure");
    }

    private List<Map<String, Object>> consents(String uscc) {
        return jdbc.sql("select * from consent where uscc = ?").param(uscc).query().listOfRows();
    }

    private static int endedBefore(List<Map<String, Object>> rows) {
        return (int) rows.stream().filter(r -> r.get("ended_at") != null).count();
    }

    private String page(String uscc) throws Exception {
        return page(uscc, "/my/consents");
    }

    private String page(String uscc, String url) throws Exception {
        return mvc.perform(get(url).with(TestUsers.enterprise(uscc))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
